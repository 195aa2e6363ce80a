package vn.antq.archfixture.beta;

import java.util.List;

/** Rows read as the typed-read rule forbids: an unchecked conversion and a Number cast. */
public class RawRows {
  // @SuppressWarnings("unchecked") in a comment does not count
  @SuppressWarnings({"rawtypes"})
  public Number first(List raw) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = raw;
    // (Number) in a comment does not count either
    return (Number) rows.get(0)[0];
  }
}
