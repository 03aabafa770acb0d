package io.booker.platform.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The keys of access tokens, from the {@code auth} section of the configuration:
 * <ul>
 *   <li>{@code jwt_secret} ({@code JWT_SECRET}): a shared HS256 secret of at least 32 characters;</li>
 *   <li>{@code jwt_keys}: asymmetric keys, each {@code {kid, algorithm (ES256|RS256|...),
 *       public_key | public_key_file, private_key | private_key_file}} (PEM; private keys PKCS#8).
 *       A node that only verifies needs the public keys; rotation is adding a key, moving
 *       {@code signing_kid} to it, and dropping the old one once its tokens have expired.</li>
 *   <li>{@code signing_kid}: the key new tokens are signed with; without it, the HS256 secret.</li>
 * </ul>
 */
record TokenKeys(List<PubSecKeyOptions> verifying, PubSecKeyOptions signing, String signingAlgorithm) {

  static final int MIN_SECRET_LENGTH = 32;
  private static final Set<String> ASYMMETRIC = Set.of("ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA");

  static TokenKeys from(JsonObject auth) {
    List<PubSecKeyOptions> verifying = new ArrayList<>();
    PubSecKeyOptions signing = null;
    String signingAlgorithm = null;
    String signingKid = auth.getString("signing_kid");

    String secret = auth.getString("jwt_secret");
    if (secret != null && !secret.isBlank()) {
      if (secret.length() < MIN_SECRET_LENGTH) {
        throw new IllegalArgumentException("auth.jwt_secret (JWT_SECRET) must be at least " + MIN_SECRET_LENGTH + " characters");
      }
      PubSecKeyOptions hs = new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret);
      verifying.add(hs);
      if (signingKid == null) {
        signing = hs;
        signingAlgorithm = "HS256";
      }
    }
    JsonArray keys = auth.getJsonArray("jwt_keys", new JsonArray());
    for (int i = 0; i < keys.size(); i++) {
      JsonObject k = keys.getJsonObject(i);
      String kid = required(k, "kid", i);
      String algorithm = required(k, "algorithm", i);
      if (!ASYMMETRIC.contains(algorithm)) {
        throw new IllegalArgumentException("auth.jwt_keys[" + i + "].algorithm must be one of " + ASYMMETRIC);
      }
      String publicKey = pem(k, "public_key", i);
      String privateKey = pem(k, "private_key", i);
      if (publicKey == null) {
        throw new IllegalArgumentException("auth.jwt_keys[" + i + "] needs public_key or public_key_file");
      }
      verifying.add(new PubSecKeyOptions().setAlgorithm(algorithm).setId(kid).setBuffer(publicKey));
      if (kid.equals(signingKid)) {
        if (privateKey == null) {
          throw new IllegalArgumentException("auth.signing_kid " + kid + " has no private_key or private_key_file");
        }
        signing = new PubSecKeyOptions().setAlgorithm(algorithm).setId(kid).setBuffer(privateKey);
        signingAlgorithm = algorithm;
      }
    }
    if (verifying.isEmpty()) {
      throw new IllegalArgumentException("no access-token key configured: set JWT_SECRET (auth.jwt_secret) or auth.jwt_keys");
    }
    if (signingKid != null && signing == null) {
      throw new IllegalArgumentException("auth.signing_kid " + signingKid + " is not among auth.jwt_keys");
    }
    return new TokenKeys(List.copyOf(verifying), signing, signingAlgorithm);
  }

  private static String required(JsonObject k, String field, int i) {
    String v = k.getString(field);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("auth.jwt_keys[" + i + "]." + field + " is required");
    }
    return v;
  }

  /** The PEM text of {@code name}, given inline or as {@code name_file}; null when neither. */
  private static String pem(JsonObject k, String name, int i) {
    String inline = k.getString(name);
    if (inline != null && !inline.isBlank()) {
      return inline;
    }
    String file = k.getString(name + "_file");
    if (file == null || file.isBlank()) {
      return null;
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("auth.jwt_keys[" + i + "]." + name + "_file cannot be read: " + e.getMessage());
    }
  }
}
