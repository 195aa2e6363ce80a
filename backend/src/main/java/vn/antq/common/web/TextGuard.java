package vn.antq.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import vn.antq.common.problem.RefusedValue;

/**
 * Every string read from JSON — request bodies, and the rows of import jobs, which CSV and XLSX
 * files become — is refused when it holds a {@link ControlCharacters control character}: a 400
 * problem naming the field, never a database error.
 */
@Singleton
public class TextGuard implements ObjectMapperCustomizer {
  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(
        new SimpleModule("antq-text-guard").addDeserializer(String.class, new Guarded()));
  }

  /** Jackson's own reading of strings, then the check. */
  static final class Guarded extends StringDeserializer {
    private static final long serialVersionUID = 1L;

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = super.deserialize(p, ctxt);
      int at = ControlCharacters.firstIn(s);
      if (at >= 0) {
        throw new RefusedValue(p, ControlCharacters.message(s, at));
      }
      return s;
    }
  }
}
