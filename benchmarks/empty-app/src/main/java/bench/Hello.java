package bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the empty app: its first answer ends the start-up measurement. */
@Path("/hello")
public class Hello {
  @GET
  public String hello() {
    return "xin chào";
  }
}
