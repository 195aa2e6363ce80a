package vn.antq.archfixture.common;

import vn.antq.archfixture.alpha.AlphaService;

/** Shared code that knows a feature. */
public class Helper {
  public Class<?> knows() {
    return AlphaService.class;
  }
}
