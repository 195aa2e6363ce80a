package vn.antq.common;

import static vn.antq.common.ControlCharacterTest.rawRequest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A request line or headers too large are answered as every other error — problem+json — not with
 * the HTTP codec's bare status (written by hand: HTTP clients refuse to send such requests).
 */
@QuarkusTest
class HttpLimitsTest {
  private static String get(String target, String extraHeader) {
    return rawRequest(
        "GET "
            + target
            + " HTTP/1.1\r\nHost: localhost\r\n"
            + extraHeader
            + "Connection: close\r\n\r\n");
  }

  @Test
  void aUriOverTheLimitIsA414Problem() {
    String answer = get("/api/units?q=" + "a".repeat(9_000), "");
    Assertions.assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
    Assertions.assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"));
    Assertions.assertTrue(answer.contains("\"type\":\"urn:antq:problem:uri-too-long\""), answer);
    Assertions.assertTrue(answer.contains("Địa chỉ yêu cầu dài quá 8192 ký tự"), answer);
    // under the limit the request is read as usual (401: no token)
    Assertions.assertTrue(get("/api/units?q=" + "a".repeat(5_000), "").startsWith("HTTP/1.1 401"));
  }

  @Test
  void headersOverTheLimitAreA431Problem() {
    String answer = get("/api/units", "X-Filler: " + "b".repeat(25_000) + "\r\n");
    Assertions.assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    Assertions.assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"));
    Assertions.assertTrue(
        answer.contains("\"type\":\"urn:antq:problem:headers-too-large\""), answer);
  }
}
