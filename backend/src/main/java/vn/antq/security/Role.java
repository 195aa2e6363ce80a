package vn.antq.security;

/** What a caller may do; where is decided by the unit it is bound to. */
public enum Role {
  ADMIN,
  PROVINCE_OFFICER,
  COMMUNE_OFFICER,
  VIEWER,
  INTEGRATION;

  /** Roles a person can hold (INTEGRATION belongs to API keys). */
  public boolean isForPeople() {
    return this != INTEGRATION;
  }
}
