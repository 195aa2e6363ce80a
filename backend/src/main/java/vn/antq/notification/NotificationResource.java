package vn.antq.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import vn.antq.api.NotificationsApi;
import vn.antq.api.model.Notification;
import vn.antq.api.model.NotificationCount;
import vn.antq.api.model.NotificationKind;
import vn.antq.api.model.NotificationKindPreference;
import vn.antq.api.model.NotificationPage;
import vn.antq.api.model.NotificationPreferences;
import vn.antq.api.model.NotificationPreferencesInput;
import vn.antq.common.web.Etags;
import vn.antq.security.Roles;

/** {@code /api/notifications}: the bell, its list and the person's settings — each their own. */
@RolesAllowed({
  Roles.ADMIN,
  Roles.PROVINCE_OFFICER,
  Roles.COMMUNE_OFFICER,
  Roles.VIEWER,
  Roles.INTEGRATION
})
public class NotificationResource implements NotificationsApi {
  @Inject NotificationService notifications;

  @Override
  public Response listNotifications(String after, Integer size, Boolean unreadOnly) {
    NotificationService.Page page =
        notifications.list(after, size == null ? 20 : size, unreadOnly != null && unreadOnly);
    NotificationPage body =
        new NotificationPage()
            .content(page.items().stream().map(NotificationResource::toApi).toList())
            .unread(page.unread())
            .nextCursor(page.nextAfter() == null ? null : page.nextAfter().toString());
    return Response.ok(body).header("Cache-Control", "no-store").build();
  }

  private static Notification toApi(NotificationService.Item i) {
    return new Notification()
        .id(i.id())
        .kind(NotificationKind.valueOf(i.kind().name()))
        .title(i.title())
        .body(i.body())
        .link(i.link())
        .unitId(i.unitId())
        .createdAt(i.createdAt().atOffset(ZoneOffset.ofHours(7)))
        .read(i.read());
  }

  @Override
  public Response getUnreadNotifications(String ifNoneMatch) {
    NotificationService.Count c = notifications.count();
    String etag = c.etag();
    if (ifNoneMatch != null && ifNoneMatch.trim().replace("W/", "").equals(etag)) {
      return Response.notModified(new EntityTag(etag.substring(1, etag.length() - 1)))
          .header("Cache-Control", "no-cache")
          .build();
    }
    return Response.ok(new NotificationCount().unread(c.unread()).latestId(c.latestId()))
        .tag(new EntityTag(etag.substring(1, etag.length() - 1)))
        .header("Cache-Control", "no-cache")
        .build();
  }

  @Override
  public Response markNotificationRead(Long id) {
    notifications.markRead(id);
    return Response.noContent().build();
  }

  @Override
  public Response markAllNotificationsRead(Long upToId) {
    notifications.markAllRead(upToId);
    return Response.noContent().build();
  }

  @Override
  public Response getNotificationPreferences() {
    return settings(notifications.settings());
  }

  @Override
  public Response updateNotificationPreferences(NotificationPreferencesInput in, String ifMatch) {
    long expected = Etags.requireVersion(ifMatch);
    NotificationService.Settings wanted =
        new NotificationService.Settings(
            in.getEmail(),
            in.getDigest(),
            in.getKinds().stream()
                .map(
                    k ->
                        new NotificationService.KindSetting(
                            vn.antq.notification.NotificationKind.valueOf(k.getKind().name()),
                            k.getInApp(),
                            k.getEmail()))
                .toList(),
            expected);
    return settings(notifications.update(wanted, expected));
  }

  private Response settings(NotificationService.Settings s) {
    NotificationPreferences body =
        new NotificationPreferences()
            .email(s.email())
            .digest(s.digest())
            .mailEnabled(notifications.mailEnabled())
            .version(s.version())
            .kinds(
                s.kinds().stream()
                    .map(
                        k ->
                            new NotificationKindPreference()
                                .kind(NotificationKind.valueOf(k.kind().name()))
                                .label(k.kind().label())
                                .inApp(k.inApp())
                                .email(k.email()))
                    .toList());
    return Response.ok(body)
        .tag(new EntityTag(String.valueOf(s.version())))
        .header("Cache-Control", "no-store")
        .build();
  }
}
