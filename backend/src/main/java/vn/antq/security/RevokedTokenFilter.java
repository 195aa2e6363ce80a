package vn.antq.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;

/** An access token ended by sign-out is refused even before it expires (checked in PostgreSQL). */
public class RevokedTokenFilter {
  @Inject Caller caller;
  @Inject TokenService tokens;

  @ServerRequestFilter
  public void refuseRevoked(ContainerRequestContext ctx) {
    String auth = ctx.getHeaderString("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return;
    }
    var jwt = caller.jwt();
    if (jwt != null && tokens.isRevoked(jwt.getTokenID())) {
      throw new ProblemException(
          ProblemType.UNAUTHORIZED, "Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại.");
    }
  }
}
