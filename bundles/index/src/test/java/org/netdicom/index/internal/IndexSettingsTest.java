package org.netdicom.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IndexSettingsTest {

    @Test
    void withoutEnvironmentTheConfigurationIsUsed() {
        IndexSettings s = IndexSettings.of(config("jdbc:postgresql://db/pacs", "pacs", "secret", "org.postgresql.Driver"),
                Map.of());
        assertEquals(new IndexSettings("jdbc:postgresql://db/pacs", "pacs", "secret", "org.postgresql.Driver"), s);
    }

    @Test
    void theDefaultConfigurationIsTheEmbeddedH2Database() {
        assertEquals(new IndexSettings("", "sa", "", "org.h2.Driver"), IndexSettings.of(config("", "sa", "", "org.h2.Driver"),
                Map.of()));
    }

    @Test
    void environmentVariablesWinOverTheFileAndAPostgresqlUrlNamesItsDriver() {
        IndexSettings s = IndexSettings.of(config("", "sa", "", "org.h2.Driver"), Map.of(
                "NETDICOM_INDEX_URL", " jdbc:postgresql://10.0.0.5:5432/netdicom ", "NETDICOM_INDEX_USER", "netdicom",
                "NETDICOM_INDEX_PASSWORD", "s3cret "));
        assertEquals(new IndexSettings("jdbc:postgresql://10.0.0.5:5432/netdicom", "netdicom", "s3cret ",
                "org.postgresql.Driver"), s);
    }

    @Test
    void blankEnvironmentVariablesAreIgnoredButAnEmptyPasswordIsAValue() {
        IndexSettings s = IndexSettings.of(config("jdbc:postgresql://db/pacs", "pacs", "secret", "org.postgresql.Driver"),
                Map.of("NETDICOM_INDEX_URL", " ", "NETDICOM_INDEX_USER", "", "NETDICOM_INDEX_PASSWORD", ""));
        assertEquals(new IndexSettings("jdbc:postgresql://db/pacs", "pacs", "", "org.postgresql.Driver"), s);
    }

    @Test
    void anH2UrlInTheEnvironmentUsesH2EvenWhenTheFileNamesPostgresql() {
        IndexSettings s = IndexSettings.of(config("jdbc:postgresql://db/pacs", "pacs", "", "org.postgresql.Driver"),
                Map.of("NETDICOM_INDEX_URL", "jdbc:h2:mem:test"));
        assertEquals("org.h2.Driver", s.driver());
    }

    @Test
    void otherDatabasesUseTheConfiguredDriver() {
        assertEquals("com.example.Driver", IndexSettings.driverFor("jdbc:example://x", "com.example.Driver"));
    }

    private static IndexConfig config(String url, String user, String password, String driver) {
        return new IndexConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IndexConfig.class;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public String driver() {
                return driver;
            }

            @Override
            public int idle_connections() {
                return 8;
            }
        };
    }
}
