package vn.antq.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.antq.notification.Audience;
import vn.antq.notification.Notice;
import vn.antq.notification.NotificationKind;
import vn.antq.notification.Notifier;
import vn.antq.security.Caller;
import vn.antq.security.Role;
import vn.antq.territory.Place;
import vn.antq.territory.Territory;

/**
 * Who hears of a period's figures moving on: a sending tells the province officers over the unit; a
 * return or an approval tells the unit's own officers. Written in the transition's transaction.
 */
@ApplicationScoped
class IndicatorNotices {
  @Inject Notifier notifier;
  @Inject Territory territory;
  @Inject Caller caller;

  void transitioned(IndicatorReportEntity r, IndicatorService.Action action, String comment) {
    Place unit = territory.placeOf(r.unitId);
    String period = IndicatorService.lower(Period.from(r.periodStart, r.periodMonths).label());
    String link = "/so-lieu/" + r.id;
    switch (action) {
      case SUBMIT ->
          notifier.send(
              Notice.of(
                  NotificationKind.FIGURES_SUBMITTED,
                  unit.name() + " gửi số liệu " + period + " chờ duyệt",
                  "Người gửi: " + caller.actorName() + ". Hãy xem và duyệt hoặc trả lại.",
                  link,
                  unit.id()),
              Audience.officersOver(unit.id(), Role.PROVINCE_OFFICER).except(me()));
      case APPROVE ->
          notifier.send(
              Notice.of(
                  NotificationKind.FIGURES_APPROVED,
                  "Số liệu " + period + " của " + unit.name() + " đã được duyệt",
                  "Người duyệt: " + caller.actorName() + ". Số liệu được tính vào các báo cáo.",
                  link,
                  unit.id()),
              Audience.officersOver(unit.id(), Role.COMMUNE_OFFICER).except(me()));
      case RETURN ->
          notifier.send(
              Notice.of(
                  NotificationKind.FIGURES_RETURNED,
                  "Số liệu " + period + " của " + unit.name() + " bị trả lại",
                  "Người trả lại: " + caller.actorName() + ". Nhận xét: " + comment,
                  link,
                  unit.id()),
              Audience.officersOver(unit.id(), Role.COMMUNE_OFFICER).except(me()));
      default -> {
        // other actions tell nobody
      }
    }
  }

  /** The person acting, who is not told of their own act (a key's id is not a person's). */
  private Long me() {
    return caller.kind() == Caller.Kind.USER ? caller.actorId() : null;
  }
}
