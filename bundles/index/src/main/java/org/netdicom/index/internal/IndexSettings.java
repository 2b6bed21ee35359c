package org.netdicom.index.internal;

import java.util.Map;

/**
 * The database the index opens: configuration {@code org.netdicom.index}, overridden by the
 * environment variables {@value #ENV_URL}, {@value #ENV_USER} and {@value #ENV_PASSWORD} of the
 * process (as {@code NETDICOM_PORT} overrides the node's port), so that several containers built
 * from one image can be pointed at one PostgreSQL server without editing files. The driver is the
 * configured one, except that a URL of PostgreSQL or H2 names its own driver: with
 * {@code NETDICOM_INDEX_URL=jdbc:postgresql://...} alone the index waits for
 * {@code org.postgresql.Driver}.
 *
 * @param url JDBC URL, or empty for the default H2 database in the data folder
 */
record IndexSettings(String url, String user, String password, String driver) {

    static final String ENV_URL = "NETDICOM_INDEX_URL";
    static final String ENV_USER = "NETDICOM_INDEX_USER";
    static final String ENV_PASSWORD = "NETDICOM_INDEX_PASSWORD";

    static final String H2_DRIVER = "org.h2.Driver";
    static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";

    static IndexSettings of(IndexConfig config, Map<String, String> environment) {
        String url = override(config.url(), environment.get(ENV_URL)).strip();
        String user = override(config.user(), environment.get(ENV_USER));
        String password = environment.containsKey(ENV_PASSWORD) ? environment.get(ENV_PASSWORD) : config.password();
        return new IndexSettings(url, user, password, driverFor(url, config.driver().strip()));
    }

    /** The driver a URL needs: its own for PostgreSQL and H2 URLs, else the configured one. */
    static String driverFor(String url, String configured) {
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL_DRIVER;
        }
        if (url.startsWith("jdbc:h2:") || url.isEmpty()) {
            return H2_DRIVER;
        }
        return configured.isEmpty() ? H2_DRIVER : configured;
    }

    private static String override(String configured, String environmentValue) {
        return environmentValue != null && !environmentValue.isBlank() ? environmentValue.strip() : configured;
    }
}
