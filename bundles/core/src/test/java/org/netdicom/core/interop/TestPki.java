package org.netdicom.core.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

/**
 * A throw-away PKI for TLS tests, made with the openssl and keytool command-line tools: a CA, a
 * server and a client key and certificate (PEM for DCMTK), PKCS#12 key stores and a trust store
 * holding the CA (for netdicom), and a second, untrusted CA's client.
 */
final class TestPki {

    static final char[] PASSWORD = "changeit".toCharArray();

    final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    static TestPki create(Path dir) throws Exception {
        TestPki pki = new TestPki(dir);
        pki.ca("ca");
        pki.ca("rogue-ca");
        pki.leaf("server", "ca", "localhost");
        pki.leaf("client", "ca", "netdicom-test-client");
        pki.leaf("rogue", "rogue-ca", "rogue-client");
        run(dir, "keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "trust.p12",
                "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
        return pki;
    }

    Path pem(String name) {
        return dir.resolve(name + ".pem");
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    Path keyStore(String name) {
        return dir.resolve(name + ".p12");
    }

    Path trustStore() {
        return dir.resolve("trust.p12");
    }

    private void ca(String name) throws Exception {
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
                "-keyout", name + ".key", "-out", name + ".pem", "-subj", "/CN=netdicom test " + name);
    }

    private void leaf(String name, String ca, String commonName) throws Exception {
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=" + commonName);
        run(dir, "openssl", "x509", "-req", "-sha256", "-days", "2", "-in", name + ".csr", "-CA", ca + ".pem",
                "-CAkey", ca + ".key", "-CAcreateserial", "-out", name + ".pem");
        run(dir, "openssl", "pkcs12", "-export", "-inkey", name + ".key", "-in", name + ".pem", "-certfile",
                ca + ".pem", "-name", name, "-out", name + ".p12", "-passout", "pass:" + new String(PASSWORD));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed:\n" + output);
    }
}
