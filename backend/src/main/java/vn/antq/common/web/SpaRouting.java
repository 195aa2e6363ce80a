package vn.antq.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The SPA owns every path outside {@code /api} and {@code /q}: a browser opening {@code /don-vi}
 * directly (a bookmark, a reload) gets {@code index.html}, and the client-side router takes over.
 */
@ApplicationScoped
public class SpaRouting {
  void register(@Observes Filters filters) {
    filters.register(
        rc -> {
          String path = rc.normalizedPath();
          if (rc.request().method() == HttpMethod.GET && isSpaRoute(path)) {
            rc.reroute("/");
          } else {
            rc.next();
          }
        },
        100);
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
