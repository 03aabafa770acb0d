package io.booker.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets of the dev system, generated on the first run and kept in {@code .devdata/} (readable by
 * the owner only), so tokens and the dev admin's password survive restarts.
 */
final class DevSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private DevSecrets() {
  }

  /** The HS256 secret of the dev system's access tokens. */
  static String jwtSecret(Path devdata) {
    return readOrCreate(devdata.resolve("jwt-secret"), 48);
  }

  /** The generated password of the dev system's first admin ({@code .devdata/admin-password}). */
  static String adminPassword(Path devdata) {
    return readOrCreate(adminPasswordFile(devdata), 18);
  }

  static Path adminPasswordFile(Path devdata) {
    return devdata.resolve("admin-password");
  }

  /** The content of {@code file}, or a new random URL-safe secret of {@code bytes} bytes written there. */
  static String readOrCreate(Path file, int bytes) {
    try {
      if (Files.isRegularFile(file)) {
        String v = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!v.isEmpty()) {
          return v;
        }
      }
      byte[] raw = new byte[bytes];
      RANDOM.nextBytes(raw);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      Files.createDirectories(file.getParent());
      Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return secret;
    } catch (IOException e) {
      throw new IllegalStateException("cannot keep a dev secret in " + file + ": " + e.getMessage(), e);
    }
  }
}
