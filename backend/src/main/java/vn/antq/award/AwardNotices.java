package vn.antq.award;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import vn.antq.common.db.Rows;
import vn.antq.common.time.VietnamTime;
import vn.antq.notification.Audience;
import vn.antq.notification.Notice;
import vn.antq.notification.NotificationKind;
import vn.antq.notification.Notifier;
import vn.antq.security.Caller;
import vn.antq.security.Role;

/**
 * A decision naming a unit, a model or a member tells the commune officers who hold them — once per
 * decision and person (a recipient added later tells only those not told yet).
 */
@ApplicationScoped
class AwardNotices {
  @Inject EntityManager em;
  @Inject Notifier notifier;
  @Inject Caller caller;

  void decided(AwardDecisionEntity d) {
    decided(
        d,
        Rows.longs(
            em.createNativeQuery(
                    "SELECT DISTINCT unit_id FROM award_recipient WHERE decision_id = ?1")
                .setParameter(1, d.id)));
  }

  /** {@link #decided(AwardDecisionEntity)} when the recipients' units are known (distinct). */
  void decided(AwardDecisionEntity d, List<Long> units) {
    decidedAll(List.of(new Named(d, units)));
  }

  /** A decision and the distinct units of its recipients. */
  record Named(AwardDecisionEntity decision, List<Long> units) {}

  /** Many decisions at once (a bulk write): one statement tells every unit named. */
  void decidedAll(List<Named> decisions) {
    Long except = caller.kind() == Caller.Kind.USER ? caller.actorId() : null;
    notifier.sendAll(
        decisions.stream()
            .filter(n -> !n.units().isEmpty())
            .map(n -> telling(n.decision(), n.units(), except))
            .toList());
  }

  private static Notifier.Telling telling(AwardDecisionEntity d, List<Long> units, Long except) {
    int named = units.size();
    return new Notifier.Telling(
        new Notice(
            NotificationKind.AWARD_DECIDED,
            "Quyết định khen thưởng số "
                + d.number
                + " ngày "
                + VietnamTime.format(d.decidedOn)
                + " nêu đơn vị, mô hình hoặc thành viên của địa bàn bạn",
            (d.issuerName == null ? "" : "Cơ quan quyết định: " + d.issuerName + ". ")
                + (d.reason == null ? "" : "Lý do: " + d.reason + ". ")
                + "Mở quyết định để xem danh sách ("
                + named
                + " đơn vị có người, tập thể được khen).",
            "/khen-thuong/" + d.id,
            d.unitId,
            "award:" + d.id),
        Audience.officersOverAny(units, Role.COMMUNE_OFFICER).except(except));
  }
}
