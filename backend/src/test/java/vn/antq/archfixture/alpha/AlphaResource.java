package vn.antq.archfixture.alpha;

/** A feature's HTTP face. */
public class AlphaResource {
  public static String format(String s) {
    return "[" + s + "]";
  }
}
