package vn.antq.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The SPA owns every path outside {@code /api} and {@code /q}: a browser opening {@code /don-vi}
 * directly (a bookmark, a reload) gets {@code index.html}, and the client-side router takes over.
 * Files whose names carry their content's hash ({@code /assets/…}) are cached for a year; the page
 * that names them ({@code index.html}) and the service worker are asked again each time, so a new
 * version is seen on the next visit (the same rules as the frontend image's nginx).
 */
@ApplicationScoped
public class SpaRouting {
  void register(@Observes Filters filters) {
    filters.register(
        rc -> {
          String path = rc.normalizedPath();
          if (rc.request().method() == HttpMethod.GET && isSpaRoute(path)) {
            rc.reroute("/");
            return;
          }
          String cache = cacheControl(path);
          if (cache != null) {
            rc.addHeadersEndHandler(
                v -> {
                  int status = rc.response().getStatusCode();
                  if (status == 200 || status == 304) {
                    rc.response().headers().set("Cache-Control", cache);
                  }
                });
          }
          rc.next();
        },
        100);
  }

  /** How a file of the SPA may be cached: hashed assets for a year, the entry points never. */
  static String cacheControl(String path) {
    if (path == null) {
      return null;
    }
    if (path.startsWith("/assets/")) {
      return "public, max-age=31536000, immutable";
    }
    if (path.equals("/") || path.equals("/index.html") || path.equals("/sw.js")) {
      return "no-cache";
    }
    return null;
  }

  /** An application path, not the API, not Quarkus endpoints, not a file such as /assets/x.js. */
  static boolean isSpaRoute(String path) {
    if (path == null || path.equals("/") || path.startsWith("/api") || path.startsWith("/q/")) {
      return false;
    }
    if (path.equals("/q") || path.startsWith("/assets/")) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.contains(".");
  }
}
