package vn.antq.archfixture.beta;

import vn.antq.archfixture.alpha.AlphaEntity;
import vn.antq.archfixture.alpha.AlphaResource;
import vn.antq.archfixture.alpha.AlphaService;

/** Every violation at once: back into alpha, alpha's entity and alpha's resource. */
public class BetaService {
  public String label(AlphaService alpha) {
    return String.valueOf(alpha.hashCode());
  }

  public String read(AlphaEntity row) {
    return row.name;
  }

  public String show(String s) {
    return AlphaResource.format(s);
  }
}
