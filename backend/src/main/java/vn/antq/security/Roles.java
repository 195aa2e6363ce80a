package vn.antq.security;

/** Role names, as constants for {@code @RolesAllowed}. */
public final class Roles {
  public static final String ADMIN = "ADMIN";
  public static final String PROVINCE_OFFICER = "PROVINCE_OFFICER";
  public static final String COMMUNE_OFFICER = "COMMUNE_OFFICER";
  public static final String VIEWER = "VIEWER";
  public static final String INTEGRATION = "INTEGRATION";

  private Roles() {}
}
