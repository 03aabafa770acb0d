package io.booker.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at test time, the way docs/security.md makes them: a CA of the cluster's own
 * and member certificates it signed, with the JDK's keytool (EC P-256, valid two days). Each member
 * gets a PKCS#12 key store (key and chain) and the same as PEM files; each CA a PKCS#12 trust store
 * and a PEM file. Signing is keytool's; moving certificates between files uses the JDK's KeyStore.
 */
public final class TestPki {

  /** The password of every store made here. */
  public static final String PASSWORD = "test-store-password";

  private static final String KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

  private final Path dir;

  public record Ca(String name, Path keyStore, X509Certificate certificate, Path trustStore, Path pem) {
  }

  public record Member(String name, Path keyStore, Path certPem, Path keyPem) {
  }

  public TestPki(Path dir) {
    this.dir = dir;
  }

  /** A self-signed CA named {@code name}, with a trust store holding its certificate. */
  public Ca ca(String name) {
    Path keyStore = dir.resolve(name + "-ca.p12");
    keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
      "-ext", "bc:c", "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    try {
      X509Certificate cert = (X509Certificate) load(keyStore).getCertificate("ca");
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", cert);
      Path trustStore = dir.resolve(name + "-trust.p12");
      store(trust, trustStore);
      Path pem = dir.resolve(name + "-ca.pem");
      Files.writeString(pem, pem("CERTIFICATE", cert.getEncoded()));
      return new Ca(name, keyStore, cert, trustStore, pem);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A member certificate for {@code name}, signed by {@code ca}, usable as TLS server and client. */
  public Member issue(Ca ca, String name) {
    Path keyStore = dir.resolve(name + ".p12");
    Path csr = dir.resolve(name + ".csr");
    Path crt = dir.resolve(name + ".crt");
    keytool("-genkeypair", "-alias", "member", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
      "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    keytool("-certreq", "-alias", "member", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-file", csr.toString());
    keytool("-gencert", "-alias", "ca", "-keystore", ca.keyStore().toString(), "-storepass", PASSWORD,
      "-infile", csr.toString(), "-outfile", crt.toString(), "-rfc", "-validity", "2",
      "-ext", "ku:c=digitalSignature", "-ext", "eku=serverAuth,clientAuth");
    try {
      KeyStore ks = load(keyStore);
      Key key = ks.getKey("member", PASSWORD.toCharArray());
      X509Certificate cert;
      try (InputStream in = Files.newInputStream(crt)) {
        cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      }
      // The signed certificate replaces the self-signed one, followed by the CA: the whole chain.
      ks.setKeyEntry("member", key, PASSWORD.toCharArray(), new Certificate[] {cert, ca.certificate()});
      store(ks, keyStore);
      Path certPem = dir.resolve(name + "-cert.pem");
      Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()) + pem("CERTIFICATE", ca.certificate().getEncoded()));
      Path keyPem = dir.resolve(name + "-key.pem");
      Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
      return new Member(name, keyStore, certPem, keyPem);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }

  private static void store(KeyStore ks, Path path) throws IOException, GeneralSecurityException {
    try (OutputStream out = Files.newOutputStream(path)) {
      ks.store(out, PASSWORD.toCharArray());
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
      + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
      + "\n-----END " + type + "-----\n";
  }

  private static void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(KEYTOOL);
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("keytool could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
