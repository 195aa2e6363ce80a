package vn.antq.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The RSA key pair that signs and verifies access tokens. Production passes it in {@code
 * ANTQ_JWT_PRIVATE_KEY} / {@code ANTQ_JWT_PUBLIC_KEY} (PEM). Without them, instances on an external
 * database share one pair kept in that database ({@link #loadOrCreate(Connection)}); an instance
 * with its embedded database keeps one in its data directory.
 */
public record JwtKeys(String privatePem, String publicPem) {
  public static final String SIGN_KEY_PROPERTY = "smallrye.jwt.sign.key";
  public static final String VERIFY_KEY_PROPERTY = "mp.jwt.verify.publickey";

  public static JwtKeys generate() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      KeyPair pair = gen.generateKeyPair();
      return new JwtKeys(
          pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
          pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The pair kept in {@code dir} (private.pem, public.pem), created on first use. */
  public static JwtKeys loadOrCreate(Path dir) {
    Path priv = dir.resolve("jwt-private.pem");
    Path pub = dir.resolve("jwt-public.pem");
    try {
      if (Files.exists(priv) && Files.exists(pub)) {
        return new JwtKeys(Files.readString(priv), Files.readString(pub));
      }
      Files.createDirectories(dir);
      JwtKeys keys = generate();
      Files.writeString(pub, keys.publicPem(), StandardCharsets.US_ASCII);
      Files.writeString(priv, keys.privatePem(), StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("Không đọc/ghi được khóa ký token trong " + dir, e);
    }
  }

  /**
   * The pair kept in the database (schema {@code antq_keys}, outside Flyway's schema: the keys are
   * needed before Quarkus starts and migrates), created by the first instance to start. An advisory
   * lock makes instances that start together agree on one pair.
   */
  public static JwtKeys loadOrCreate(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("SELECT pg_advisory_xact_lock(" + KEYS_LOCK + ")");
      st.execute("CREATE SCHEMA IF NOT EXISTS antq_keys");
      st.execute(
          "CREATE TABLE IF NOT EXISTS antq_keys.token_signing_key ("
              + "id smallint PRIMARY KEY CHECK (id = 1), private_pem text NOT NULL,"
              + " public_pem text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT private_pem, public_pem FROM antq_keys.token_signing_key WHERE id = 1")) {
        if (rs.next()) {
          JwtKeys keys = new JwtKeys(rs.getString(1), rs.getString(2));
          c.commit();
          return keys;
        }
      }
      JwtKeys keys = generate();
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO antq_keys.token_signing_key (id, private_pem, public_pem)"
                  + " VALUES (1, ?, ?)")) {
        ps.setString(1, keys.privatePem());
        ps.setString(2, keys.publicPem());
        ps.executeUpdate();
      }
      c.commit();
      return keys;
    } catch (SQLException e) {
      c.rollback();
      throw e;
    }
  }

  /** the advisory lock taken while the pair is read or made ("antq-keys") */
  private static final long KEYS_LOCK = 0x616e74712d6b6579L;

  /** Hands the pair to smallrye-jwt as system properties. */
  public void install() {
    System.setProperty(SIGN_KEY_PROPERTY, privatePem);
    System.setProperty(VERIFY_KEY_PROPERTY, publicPem);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
