package org.netdicom.itests;

import static org.junit.Assert.assertNotNull;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;

import org.ops4j.pax.exam.Option;

/** The framework the in-container tests run: Felix with SCR, Config Admin and the reactor-built bundles. */
final class FrameworkOptions {

    private FrameworkOptions() {
    }

    static Option[] coreWithScrAndConfigAdmin() {
        String core = System.getProperty("netdicom.core.bundle");
        assertNotNull("system property netdicom.core.bundle (path of the reactor-built core jar) is not set", core);
        String data = System.getProperty("netdicom.data.bundle");
        assertNotNull("system property netdicom.data.bundle (path of the reactor-built data jar) is not set", data);
        return options(
                // The runtime the contract names: SCR (DS 1.5) and Config Admin.
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                // The jars the reactor just built, not whatever the local repository holds (T5).
                // The core is installed but not started: each test configures a port first.
                bundle(new File(data).toURI().toString()),
                bundle(new File(core).toURI().toString()).start(false),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("INFO"),
                junitBundles());
    }

    /** As {@link #coreWithScrAndConfigAdmin()}, plus the index API and the storage plugin (started). */
    static Option[] withStorage() {
        String index = System.getProperty("netdicom.index.bundle");
        assertNotNull("system property netdicom.index.bundle (path of the reactor-built index jar) is not set", index);
        String storage = System.getProperty("netdicom.storage.bundle");
        assertNotNull("system property netdicom.storage.bundle (path of the reactor-built storage jar) is not set", storage);
        return options(
                composite(coreWithScrAndConfigAdmin()),
                // the index bundle imports the JDBC service API (its component finds drivers by it)
                mavenBundle("org.osgi", "org.osgi.service.jdbc").versionAsInProject(),
                bundle(new File(index).toURI().toString()),
                bundle(new File(storage).toURI().toString()));
    }
}
