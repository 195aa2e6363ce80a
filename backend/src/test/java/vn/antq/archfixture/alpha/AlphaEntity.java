package vn.antq.archfixture.alpha;

import vn.antq.archfixture.FixtureEntity;

/** A feature's own row. */
@FixtureEntity
public class AlphaEntity {
  public String name;
}
