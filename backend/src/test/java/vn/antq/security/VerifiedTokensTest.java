package vn.antq.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A token is verified once and kept until it expires; failures are never kept. */
class VerifiedTokensTest {
  /**
   * Verifies by name: "good-<exp>" is a token expiring at epoch second exp, anything else fails.
   */
  static final class Parser extends DefaultJWTParser {
    final List<String> verified = new ArrayList<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
      verified.add(token);
      if (!token.startsWith("good-")) {
        throw new ParseException("bad signature");
      }
      long exp = Long.parseLong(token.substring(5));
      return new JsonWebToken() {
        @Override
        public String getName() {
          return token;
        }

        @Override
        public Set<String> getClaimNames() {
          return Set.of("exp");
        }

        @SuppressWarnings("unchecked")
        @Override
        public <T> T getClaim(String claim) {
          return "exp".equals(claim) ? (T) Long.valueOf(exp) : null;
        }
      };
    }
  }

  private static Clock at(long second) {
    return Clock.fixed(Instant.ofEpochSecond(second), ZoneOffset.UTC);
  }

  @Test
  void aTokenIsVerifiedOnceUntilItExpires() throws Exception {
    Parser parser = new Parser();
    VerifiedTokens before = new VerifiedTokens(parser, at(1_000));
    JsonWebToken first = before.parse("good-1100");
    assertThat(before.parse("good-1100")).isSameAs(first);
    assertThat(parser.verified).containsExactly("good-1100");

    // the same cache later, at and after the token's expiry: verified again (and refused by the
    // real parser, which checks the expiry)
    VerifiedTokens later = new VerifiedTokens(parser, at(1_100));
    later.parse("good-1100");
    later.parse("good-1100");
    assertThat(parser.verified).containsExactly("good-1100", "good-1100", "good-1100");
  }

  @Test
  void aFailureIsNeverKept() {
    Parser parser = new Parser();
    VerifiedTokens tokens = new VerifiedTokens(parser, at(1_000));
    assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
    assertThat(parser.verified).containsExactly("forged", "forged");
  }

  @Test
  void atMostSoManyTokensAreKeptTheExpiredFirst() throws Exception {
    Parser parser = new Parser();
    VerifiedTokens tokens = new VerifiedTokens(parser, at(1_000));
    for (int i = 0; i < VerifiedTokens.KEPT + 10; i++) {
      tokens.parse("good-" + (2_000 + i));
    }
    parser.verified.clear();
    // the newest is still kept (the map was emptied once it was full, then filled again)
    tokens.parse("good-" + (2_000 + VerifiedTokens.KEPT + 9));
    assertThat(parser.verified).isEmpty();
  }
}
