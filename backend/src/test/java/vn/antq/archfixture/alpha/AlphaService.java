package vn.antq.archfixture.alpha;

import vn.antq.archfixture.beta.BetaService;

/** Calls into beta, which calls back: a cycle between two features. */
public class AlphaService {
  public String name(BetaService beta) {
    return beta.label(this);
  }
}
