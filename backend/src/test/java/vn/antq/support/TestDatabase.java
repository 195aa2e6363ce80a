package vn.antq.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL for every {@code @QuarkusTest}. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class TestDatabase {
  private TestDatabase() {}
}
