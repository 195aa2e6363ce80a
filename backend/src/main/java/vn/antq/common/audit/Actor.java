package vn.antq.common.audit;

/** Who makes a change, as the audit trail records it (implemented by the caller of a request). */
public interface Actor {
  /** USER, API_KEY or SYSTEM. */
  String actorKind();

  Long actorId();

  String actorName();

  /** The client's address and user agent, or "hệ thống" for work without a request. */
  String client();
}
