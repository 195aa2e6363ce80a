package vn.antq.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.antq.support.Api;

/** The parser SmallRye JWT's validator is given is the one that keeps verified tokens. */
@QuarkusTest
class VerifiedTokensInUseTest {
  @Inject JWTParser parser;

  @Test
  void theValidatorsParserKeepsVerifiedTokens() {
    // (sign-out still refuses a kept token at once: AuthTest.signOutRevokesTheAccessToken…)
    assertThat(parser).isInstanceOf(VerifiedTokens.class);
    String token = Api.adminToken();
    Api.as(token).get("/api/auth/me").then().statusCode(200);
    Api.as(token).get("/api/auth/me").then().statusCode(200);
    Api.as(token + "x").get("/api/auth/me").then().statusCode(401);
  }
}
