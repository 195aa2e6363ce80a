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
import java.util.Base64;

/**
 * The RSA key pair that signs and verifies access tokens. Production passes it in {@code
 * ANTQ_JWT_PRIVATE_KEY} / {@code ANTQ_JWT_PUBLIC_KEY} (PEM); a single instance without them
 * generates one in its data directory and keeps it there.
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
