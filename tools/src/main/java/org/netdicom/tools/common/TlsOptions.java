package org.netdicom.tools.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.netdicom.core.api.TlsSettings;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.ToolException;

import picocli.CommandLine.Option;

/**
 * TLS (PS3.15 B.1) from PKCS#12 key stores or PEM files, as DCMTK's tools take them: {@code --tls-key}
 * is a PKCS#12 store, or an unencrypted PKCS#8 PEM key with {@code --tls-cert} its certificate chain;
 * {@code --tls-trust} a PKCS#12 store or PEM certificates (repeatable). Any of them turns TLS on.
 * Named --tls-* because {@code -k/--key} is the query key of findscu, getscu and movescu (DCMTK).
 */
public final class TlsOptions {

    @Option(names = "--tls", description = "Use TLS (implied by --tls-key, --tls-cert or --tls-trust).")
    boolean tls;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "Our private key: a PKCS#12 key store (.p12, .pfx) or a PEM PKCS#8 key with --tls-cert.")
    Path key;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate (chain) of a PEM --tls-key.")
    Path cert;

    @Option(names = "--tls-key-pass", paramLabel = "PASSWORD", description = "Password of the --tls-key store (default: none).")
    String keyPassword = "";

    @Option(names = "--tls-trust", paramLabel = "FILE",
            description = "Trusted CA certificates: PKCS#12 trust store or PEM file; repeatable (default: the JDK's).")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--tls-trust-pass", paramLabel = "PASSWORD", description = "Password of a PKCS#12 --tls-trust store.")
    String trustPassword = "";

    @Option(names = "--tls-protocol", paramLabel = "PROTOCOL",
            description = "Enabled protocol, most preferred first; repeatable (default: TLSv1.3, TLSv1.2).")
    List<String> protocols = new ArrayList<>();

    @Option(names = "--tls-cipher", paramLabel = "SUITE", description = "Enabled cipher suite; repeatable (default: the JDK's).")
    List<String> ciphers = new ArrayList<>();

    @Option(names = "--tls-no-client-auth", description = "Servers: do not require a client certificate.")
    boolean noClientAuthentication;

    @Option(names = "--tls-verify-hostname", description = "Requestors: check that the server certificate names the host.")
    boolean verifyHostname;

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    /** The TLS settings, or null when TLS is off. */
    public TlsSettings settings() throws ToolException {
        if (!tls && key == null && cert == null && trust.isEmpty()) {
            return null;
        }
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(key == null ? null : keyManagers().getKeyManagers(), trustManagers().getTrustManagers(), null);
            TlsSettings settings = TlsSettings.of(context)
                    .withClientAuthentication(!noClientAuthentication)
                    .withPeerHostnameVerification(verifyHostname);
            if (!protocols.isEmpty()) {
                settings = settings.withProtocols(protocols.toArray(String[]::new));
            }
            if (!ciphers.isEmpty()) {
                settings = settings.withCipherSuites(ciphers.toArray(String[]::new));
            }
            return settings;
        } catch (IOException e) {
            throw new ToolException(ExitCodes.IO, "cannot read TLS key or certificates: " + ExitCodes.reason(e), e);
        } catch (GeneralSecurityException e) {
            throw new ToolException(ExitCodes.USAGE, "unusable TLS key or certificates: " + e.getMessage(), e);
        }
    }

    private KeyManagerFactory keyManagers() throws IOException, GeneralSecurityException, ToolException {
        char[] password = keyPassword.toCharArray();
        KeyStore store;
        if (isPkcs12(key)) {
            store = loadPkcs12(key, password);
        } else {
            if (cert == null) {
                throw new ToolException(ExitCodes.USAGE, "--tls-key " + key + " is PEM: give its certificate with --tls-cert");
            }
            store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<Certificate> chain = certificates(cert);
            if (chain.isEmpty()) {
                throw new ToolException(ExitCodes.USAGE, "no certificate in --tls-cert " + cert);
            }
            store.setKeyEntry("key", pemKey(key, chain.get(0).getPublicKey().getAlgorithm()), password,
                    chain.toArray(Certificate[]::new));
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        return keys;
    }

    private TrustManagerFactory trustManagers() throws IOException, GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (trust.isEmpty()) {
            factory.init((KeyStore) null); // the JDK's CA certificates
            return factory;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int n = 0;
        for (Path file : trust) {
            if (isPkcs12(file)) {
                KeyStore p12 = loadPkcs12(file, trustPassword.toCharArray());
                for (String alias : java.util.Collections.list(p12.aliases())) {
                    Certificate c = p12.getCertificate(alias);
                    if (c != null) {
                        store.setCertificateEntry("ca-" + n++, c);
                    }
                }
            } else {
                for (Certificate c : certificates(file)) {
                    store.setCertificateEntry("ca-" + n++, c);
                }
            }
        }
        factory.init(store);
        return factory;
    }

    private static boolean isPkcs12(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            return true;
        }
        byte[] head = new byte[1];
        try (InputStream in = Files.newInputStream(file)) {
            return in.read(head) == 1 && head[0] == 0x30; // DER SEQUENCE, not PEM text
        }
    }

    private static KeyStore loadPkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }

    private static PrivateKey pemKey(Path file, String algorithm) throws IOException, GeneralSecurityException,
            ToolException {
        Matcher m = PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        while (m.find()) {
            if (m.group(1).equals("PRIVATE KEY")) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            }
        }
        throw new ToolException(ExitCodes.USAGE, "--tls-key " + file + " holds no unencrypted PKCS#8 key "
                + "(-----BEGIN PRIVATE KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt");
    }
}
