package vn.antq.model;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.antq.common.time.VietnamTime;
import vn.antq.notification.Audience;
import vn.antq.notification.Notice;
import vn.antq.notification.NotificationKind;
import vn.antq.notification.Notifier;
import vn.antq.security.Caller;
import vn.antq.security.Role;

/** A model's status changed: the officers who hold the model hear of it, not the one who did it. */
@ApplicationScoped
class ModelNotices {
  @Inject Notifier notifier;
  @Inject Caller caller;

  void statusChanged(CommunityModelEntity model, ModelStatus from, ModelService.Transition t) {
    String reason =
        t.reason() == null || t.reason().isBlank() ? "" : " Lý do: " + t.reason().trim() + ".";
    notifier.send(
        Notice.of(
            NotificationKind.MODEL_STATUS_CHANGED,
            "Mô hình «" + model.name + "»: " + from.label() + " → " + t.to().label(),
            "Người đổi: "
                + caller.actorName()
                + ", từ ngày "
                + VietnamTime.format(t.date())
                + "."
                + reason,
            "/mo-hinh/" + model.id,
            model.unitId),
        Audience.officersOver(model.unitId, Role.COMMUNE_OFFICER, Role.PROVINCE_OFFICER)
            .except(caller.kind() == Caller.Kind.USER ? caller.actorId() : null));
  }
}
