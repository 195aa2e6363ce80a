package vn.antq.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import vn.antq.common.cluster.ClusterMembers;
import vn.antq.common.cluster.InstanceId;
import vn.antq.common.db.Rows;
import vn.antq.common.problem.ProblemException;
import vn.antq.common.problem.ProblemType;
import vn.antq.security.Caller;

/**
 * {@code Idempotency-Key}: the first response to a key is kept in PostgreSQL for 24 hours (so every
 * instance sees it) and returned to each retry; the same key with another body is refused (422),
 * and a retry while the first request still runs gets 409. A request that fails without an answer
 * (a problem is thrown) releases its key, so the retry runs again; so does one whose instance died
 * (its heartbeat stopped, {@link ClusterMembers}): the retry, on any instance, runs it again (the
 * records' external ids make a second run of a batch that did commit change nothing).
 */
@ApplicationScoped
public class Idempotency {
  /** a request still RUNNING after this long is given up, even on a live instance */
  static final int STALE_MINUTES = 15;

  /** Keys (client, key) of failed batches not released yet: the database was away. */
  private final Queue<String[]> pending = new ConcurrentLinkedQueue<>();

  @Inject EntityManager em;
  @Inject ObjectMapper json;
  @Inject ClusterMembers members;
  @Inject InstanceId instance;
  @Inject Caller caller;

  public static String hash(String scope, byte[] body) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(scope.getBytes(StandardCharsets.UTF_8));
      d.update((byte) 0);
      d.update(body);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String hash(String scope, Object body) {
    try {
      return hash(scope, json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The same for one record written by a user (an event, a roster member, a figures period sent
   * from a phone's queue): the key is claimed, the record written and its answer kept in one
   * transaction, so a record is never written without its key (a crash between the two cannot let a
   * retry write it again) and a retry that arrives while the first still runs waits for it and gets
   * its answer. Keys belong to the caller: another user's same key is another key.
   */
  public Response once(String key, String scope, Object body, Supplier<Response> action) {
    if (key == null) {
      return action.get();
    }
    String client = caller.kind() + ":" + caller.actorId();
    String requestHash = hash(scope, body);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Object[] kept = claim(client, key, requestHash);
              if (kept != null) {
                return replay(kept, requestHash);
              }
              Response r = action.get();
              keep(client, key, r);
              return r;
            });
  }

  public Response run(String client, String key, String requestHash, Supplier<Response> action) {
    if (key == null) {
      return action.get();
    }
    releasePending();
    Object[] kept = QuarkusTransaction.requiringNew().call(() -> claim(client, key, requestHash));
    if (kept != null) {
      return replay(kept, requestHash);
    }
    Response r;
    try {
      r = action.get();
    } catch (RuntimeException e) {
      try {
        QuarkusTransaction.requiringNew().run(() -> release(client, key));
      } catch (RuntimeException notReleased) {
        // the database is away (the action failed for the same reason): released at this
        // instance's next batch, so the client's retry under this key is not held for minutes
        pending.add(new String[] {client, key});
        e.addSuppressed(notReleased);
      }
      throw e;
    }
    QuarkusTransaction.requiringNew().run(() -> keep(client, key, r));
    return r;
  }

  private void keep(String client, String key, Response r) {
    String body;
    try {
      body = r.getEntity() == null ? null : json.writeValueAsString(r.getEntity());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    String location = r.getLocation() == null ? null : r.getLocation().toString();
    em.createNativeQuery(
            "UPDATE idempotency_key SET state = 'DONE', status = ?3, location = ?4,"
                + " body = ?5 WHERE client = ?1 AND key = ?2")
        .setParameter(1, client)
        .setParameter(2, key)
        .setParameter(3, r.getStatus())
        .setParameter(4, location)
        .setParameter(5, body)
        .executeUpdate();
  }

  /** Takes the key (null) or returns what is kept under it. */
  private Object[] claim(String client, String key, String requestHash) {
    em.createNativeQuery(
            "DELETE FROM idempotency_key WHERE client = ?1 AND key = ?2 AND (expires_at < now()"
                + " OR (state = 'RUNNING' AND (created_at < now() - make_interval(mins => ?3)"
                + " OR owner IS NULL OR NOT "
                + members.aliveSql("idempotency_key.owner")
                + ")))")
        .setParameter(1, client)
        .setParameter(2, key)
        .setParameter(3, STALE_MINUTES)
        .executeUpdate();
    int taken =
        em.createNativeQuery(
                "INSERT INTO idempotency_key (client, key, request_hash, state, expires_at, owner)"
                    + " VALUES (?1, ?2, ?3, 'RUNNING', now() + interval '24 hours', ?4)"
                    + " ON CONFLICT (client, key) DO NOTHING")
            .setParameter(1, client)
            .setParameter(2, key)
            .setParameter(3, requestHash)
            .setParameter(4, instance.value())
            .executeUpdate();
    if (taken == 1) {
      return null;
    }
    List<Object[]> rows =
        Rows.of(
            em.createNativeQuery(
                    "SELECT request_hash, state, status, location, body FROM idempotency_key"
                        + " WHERE client = ?1 AND key = ?2")
                .setParameter(1, client)
                .setParameter(2, key));
    if (rows.isEmpty()) {
      throw new ProblemException(
          ProblemType.CONFLICT, "Yêu cầu với khóa này vừa được xử lý xong; hãy gửi lại.");
    }
    return rows.get(0);
  }

  private Response replay(Object[] kept, String requestHash) {
    if (!requestHash.equals(kept[0])) {
      throw ProblemException.unprocessable(
          "Idempotency-Key",
          "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới");
    }
    if ("RUNNING".equals(kept[1])) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "Yêu cầu với khóa Idempotency-Key này đang được xử lý; hãy thử lại sau ít giây",
          List.of(),
          2);
    }
    Response.ResponseBuilder b =
        Response.status(Rows.toInt(kept[2])).header("Idempotent-Replayed", "true");
    if (kept[3] != null) {
      b.header("Location", kept[3]);
    }
    if (kept[4] != null) {
      b.entity(kept[4]).type(MediaType.APPLICATION_JSON_TYPE);
    }
    return b.build();
  }

  /** Releases the keys whose release failed earlier; those that fail again stay pending. */
  private void releasePending() {
    String[] k;
    int n = pending.size();
    while (n-- > 0 && (k = pending.poll()) != null) {
      String[] taken = k;
      try {
        QuarkusTransaction.requiringNew().run(() -> release(taken[0], taken[1]));
      } catch (RuntimeException e) {
        pending.add(taken);
        return;
      }
    }
  }

  private void release(String client, String key) {
    em.createNativeQuery("DELETE FROM idempotency_key WHERE client = ?1 AND key = ?2")
        .setParameter(1, client)
        .setParameter(2, key)
        .executeUpdate();
  }

  /** Old keys go; called by the job worker now and then. */
  public int purge() {
    return em.createNativeQuery("DELETE FROM idempotency_key WHERE expires_at < now()")
        .executeUpdate();
  }
}
