package vn.antq.support;

import java.util.Map;
import java.util.UUID;

/** Accounts made by the test administrator for one test, signed in at once. */
public final class Users {
  public static final String PASSWORD = "mat-khau-thu-nghiem";

  private Users() {}

  /** A fresh account of the role bound to the unit; answers its access token. */
  public static String signedIn(String role, long unitId) {
    String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
    Api.json()
        .body(
            Map.of(
                "username", username,
                "fullName", "Cán bộ " + username,
                "role", role,
                "unitId", unitId,
                "password", PASSWORD))
        .post("/api/users")
        .then()
        .statusCode(201);
    return Api.login(username, PASSWORD);
  }
}
