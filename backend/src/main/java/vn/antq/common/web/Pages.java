package vn.antq.common.web;

import java.util.List;

/**
 * The page envelope every list of the contract answers with ({@code content, page, size,
 * totalElements, totalPages}), built in one place from the generated page class's constructor.
 */
public final class Pages {
  private Pages() {}

  /** The constructor of a generated page class ({@code ModelPage::new}). */
  @FunctionalInterface
  public interface Envelope<T, P> {
    P of(List<T> content, Integer page, Integer size, Long totalElements, Integer totalPages);
  }

  public static <T, P> P of(Envelope<T, P> envelope, List<T> content, PageRequest p, long total) {
    return of(envelope, content, p.page(), p.size(), total);
  }

  public static <T, P> P of(
      Envelope<T, P> envelope, List<T> content, int page, int size, long total) {
    return envelope.of(content, page, size, total, totalPages(total, size));
  }

  /** How many pages of {@code size} hold {@code total} rows. */
  public static int totalPages(long total, int size) {
    return (int) ((total + size - 1) / size);
  }
}
