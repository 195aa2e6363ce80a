package vn.antq.territory;

import vn.antq.api.model.GeoPoint;
import vn.antq.common.problem.ProblemException;

/**
 * Where something is (WGS 84), from a phone's GPS or picked on a map, with the GPS's accuracy in
 * metres when known. Only places in Vietnam are accepted: the mainland and the Hoàng Sa and Trường
 * Sa archipelagos lie within 6–23.5° N and 102–118° E.
 */
public record Position(double latitude, double longitude, Double accuracy) {
  static final double MIN_LATITUDE = 6.0;
  static final double MAX_LATITUDE = 23.5;
  static final double MIN_LONGITUDE = 102.0;
  static final double MAX_LONGITUDE = 118.0;

  /** The position sent for {@code field}, checked to lie in Vietnam (400 otherwise); or null. */
  public static Position from(GeoPoint p, String field) {
    if (p == null) {
      return null;
    }
    if (p.getLatitude() == null || p.getLongitude() == null) {
      throw ProblemException.badRequest(field, "Vị trí cần cả vĩ độ và kinh độ");
    }
    double lat = p.getLatitude();
    double lon = p.getLongitude();
    if (lat < MIN_LATITUDE || lat > MAX_LATITUDE || lon < MIN_LONGITUDE || lon > MAX_LONGITUDE) {
      throw ProblemException.badRequest(
          field,
          "Vị trí nằm ngoài lãnh thổ Việt Nam (vĩ độ 6–23,5° Bắc, kinh độ 102–118° Đông):"
              + " kiểm tra lại vĩ độ, kinh độ");
    }
    return new Position(lat, lon, p.getAccuracy());
  }

  /** From the three columns a table keeps it in (null when none). */
  public static Position of(Double latitude, Double longitude, Double accuracy) {
    return latitude == null || longitude == null
        ? null
        : new Position(latitude, longitude, accuracy);
  }

  public static GeoPoint toApi(Position p) {
    return p == null
        ? null
        : new GeoPoint().latitude(p.latitude()).longitude(p.longitude()).accuracy(p.accuracy());
  }

  /** As the audit keeps it: "9.294100,105.727800 ±12 m". */
  public static String describe(Position p) {
    if (p == null) {
      return null;
    }
    String at = String.format(java.util.Locale.ROOT, "%.6f,%.6f", p.latitude(), p.longitude());
    return p.accuracy() == null ? at : at + " ±" + Math.round(p.accuracy()) + " m";
  }
}
