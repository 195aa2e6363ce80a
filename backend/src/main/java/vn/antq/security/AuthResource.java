package vn.antq.security;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.antq.api.AuthApi;
import vn.antq.api.model.AuthConfig;
import vn.antq.api.model.CurrentUser;
import vn.antq.api.model.LoginRequest;
import vn.antq.api.model.TokenResponse;
import vn.antq.api.model.UnitRef;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;

/** Sign-in, session refresh through an HttpOnly cookie, sign-out. */
public class AuthResource implements AuthApi {
  static final String REFRESH_COOKIE = "antq_refresh";
  static final String COOKIE_PATH = "/api/auth";

  @Inject AuthService auth;
  @Inject TokenService tokens;
  @Inject UnitDirectory units;
  @Inject Caller caller;
  @Inject RateLimiter limiter;
  @Inject OidcSettings oidc;

  /** the deployment's map tiles ({z}/{x}/{y}); none: points on a plain background */
  @ConfigProperty(name = "antq.map.tile-url")
  java.util.Optional<String> tileUrl;

  @ConfigProperty(name = "antq.map.attribution")
  java.util.Optional<String> tileAttribution;

  @ConfigProperty(name = "antq.map.max-zoom", defaultValue = "18")
  int tileMaxZoom;

  @ConfigProperty(name = "antq.auth.logins-per-minute", defaultValue = "30")
  int loginsPerMinute;

  @Context HttpHeaders headers;

  static ProblemException badCredentials() {
    return new ProblemException(
        ProblemType.UNAUTHORIZED,
        "Tên đăng nhập hoặc mật khẩu không đúng. Sau nhiều lần sai liên tiếp, tài khoản sẽ bị tạm"
            + " khóa trong ít phút.");
  }

  @Override
  @PermitAll
  public Response getAuthConfig() {
    AuthConfig config = new AuthConfig().mode(AuthConfig.ModeEnum.LOCAL);
    tileUrl
        .filter(u -> !u.isBlank())
        .ifPresent(
            u ->
                config.mapTiles(
                    new vn.antq.api.model.MapTiles()
                        .url(u)
                        .attribution(tileAttribution.orElse(null))
                        .maxZoom(tileMaxZoom)));
    if (oidc.enabled()) {
      config.mode(AuthConfig.ModeEnum.OIDC).oidc(oidc.clientConfig());
    }
    return Response.ok(config).build();
  }

  /** With an external provider, ANTQ's own passwords and sessions are not used. */
  private void refuseWhenExternal() {
    if (oidc.enabled()) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Hệ thống đăng nhập qua "
              + oidc.providerName()
              + ", không dùng mật khẩu ANTQ. Hãy đăng nhập ở đó.");
    }
  }

  @Override
  @PermitAll
  public Response login(LoginRequest req) {
    refuseWhenExternal();
    long wait =
        limiter.hit("login:" + caller.clientAddress(), loginsPerMinute, Duration.ofMinutes(1));
    if (wait > 0) {
      throw new ProblemException(
          ProblemType.TOO_MANY_REQUESTS,
          "Có quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau " + wait + " giây.",
          java.util.List.of(),
          wait);
    }
    UserEntity user = auth.authenticate(req.getUsername(), req.getPassword());
    if (user == null) {
      throw badCredentials();
    }
    return session(user);
  }

  @Override
  @PermitAll
  public Response refreshSession() {
    refuseWhenExternal();
    var cookie = headers.getCookies().get(REFRESH_COOKIE);
    UserEntity user = tokens.rotate(cookie == null ? null : cookie.getValue()).orElse(null);
    if (user == null) {
      throw new ProblemException(
          ProblemType.UNAUTHORIZED, "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.");
    }
    return session(user);
  }

  @Override
  @PermitAll
  public Response logout() {
    var cookie = headers.getCookies().get(REFRESH_COOKIE);
    tokens.revokeRefreshToken(cookie == null ? null : cookie.getValue());
    var jwt = caller.jwt();
    if (jwt != null && jwt.getTokenID() != null) {
      tokens.revokeAccessToken(jwt.getTokenID(), Instant.ofEpochSecond(jwt.getExpirationTime()));
    }
    return Response.noContent().cookie(refreshCookie("", 0)).build();
  }

  @Override
  @Authenticated
  public Response getCurrentUser() {
    if (caller.kind() == Caller.Kind.API_KEY) {
      Long unitId = caller.unitId();
      return Response.ok(
              new CurrentUser()
                  .username(caller.actorName())
                  .fullName(caller.actorName())
                  .role(vn.antq.api.model.Role.INTEGRATION)
                  .unit(units.refs(java.util.Set.of(unitId)).get(unitId)))
          .build();
    }
    String unregistered = caller.unregisteredUsername();
    if (unregistered != null) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Tài khoản «"
              + unregistered
              + "» đã đăng nhập ở "
              + oidc.providerName()
              + " nhưng chưa được cấp quyền trong ANTQ hoặc đã bị vô hiệu hóa. Liên hệ quản trị"
              + " viên để được cấp tài khoản cùng tên đăng nhập.");
    }
    Long actorId = caller.actorId();
    UserEntity user = actorId == null ? null : UserEntity.findById(actorId);
    if (user == null) {
      throw new ProblemException(ProblemType.UNAUTHORIZED, "Tài khoản không còn tồn tại.");
    }
    return Response.ok(SecurityMapper.toCurrent(user, summary(user.unitId))).build();
  }

  private UnitRef summary(Long unitId) {
    if (unitId == null) {
      return null;
    }
    Map<Long, UnitRef> m = units.refs(java.util.Set.of(unitId));
    return m.get(unitId);
  }

  private Response session(UserEntity user) {
    String refresh = tokens.newRefreshToken(user.id);
    TokenResponse body =
        new TokenResponse()
            .accessToken(tokens.accessToken(user))
            .tokenType("Bearer")
            .expiresIn((int) tokens.accessLifetime().toSeconds())
            .user(SecurityMapper.toCurrent(user, summary(user.unitId)));
    return Response.ok(body)
        .cookie(refreshCookie(refresh, (int) tokens.refreshLifetime().toSeconds()))
        .header("Cache-Control", "no-store")
        .build();
  }

  private NewCookie refreshCookie(String value, int maxAge) {
    boolean https =
        "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"))
            || headers.getRequestHeaders().containsKey("X-Forwarded-Ssl");
    return new NewCookie.Builder(REFRESH_COOKIE)
        .value(value)
        .path(COOKIE_PATH)
        .httpOnly(true)
        .secure(https)
        .sameSite(NewCookie.SameSite.STRICT)
        .maxAge(maxAge)
        .build();
  }
}
