package vn.antq.common.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value refused while it is read, with what to tell the caller (in Vietnamese): answered as
 * a 400 problem naming the field, as Jackson's path locates it.
 */
public class RefusedValue extends JsonMappingException {
  private static final long serialVersionUID = 1L;

  public RefusedValue(JsonParser p, String message) {
    super(p, message);
  }
}
