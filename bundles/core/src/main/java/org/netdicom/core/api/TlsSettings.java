package org.netdicom.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for associations (DICOM PS3.15 B.1, the Secure Transport Connection Profiles), over the JDK's
 * JSSE. One value serves both sides: a server presents its key and, with
 * {@link #requireClientAuthentication}, demands a client certificate signed by a trusted CA; a
 * requestor presents its key (if any) and checks the server's certificate against the trust store.
 *
 * @param protocols            enabled protocols, most preferred first; TLS 1.3 and 1.2 by default
 * @param cipherSuites         enabled cipher suites; empty = the JDK's defaults for the protocols
 * @param verifyPeerHostname   requestor only: also check that the server's certificate names the host
 *                             connected to (off by default: DICOM nodes are usually known by their
 *                             certificate, not their host name)
 */
public record TlsSettings(SSLContext context, List<String> protocols, List<String> cipherSuites,
        boolean requireClientAuthentication, boolean verifyPeerHostname) {

    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsSettings {
        Objects.requireNonNull(context, "context");
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("no TLS protocol enabled");
        }
    }

    /** TLS with {@code context}, the default protocols and cipher suites, mutual authentication on. */
    public static TlsSettings of(SSLContext context) {
        return new TlsSettings(context, DEFAULT_PROTOCOLS, List.of(), true, false);
    }

    /**
     * TLS from PKCS#12 files: {@code keyStore} holds our private key and certificate chain (may be
     * null for a requestor without a client certificate), {@code trustStore} the certificates of the
     * CAs whose peers we trust.
     */
    public static TlsSettings fromPkcs12(Path keyStore, char[] keyStorePassword, Path trustStore,
            char[] trustStorePassword) throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = null;
        if (keyStore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, keyStorePassword), keyStorePassword);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore, trustStorePassword));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return of(context);
    }

    public TlsSettings withProtocols(String... enabled) {
        return new TlsSettings(context, List.of(enabled), cipherSuites, requireClientAuthentication, verifyPeerHostname);
    }

    public TlsSettings withCipherSuites(String... enabled) {
        return new TlsSettings(context, protocols, List.of(enabled), requireClientAuthentication, verifyPeerHostname);
    }

    public TlsSettings withClientAuthentication(boolean required) {
        return new TlsSettings(context, protocols, cipherSuites, required, verifyPeerHostname);
    }

    public TlsSettings withPeerHostnameVerification(boolean verify) {
        return new TlsSettings(context, protocols, cipherSuites, requireClientAuthentication, verify);
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
