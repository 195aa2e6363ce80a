package vn.antq.archfixture;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Stands for {@code jakarta.persistence.Entity} in the fixture (a real {@code @Entity} in test
 * sources would be picked up by Hibernate in {@code @QuarkusTest}s).
 */
@Retention(RetentionPolicy.RUNTIME)
public @interface FixtureEntity {}
