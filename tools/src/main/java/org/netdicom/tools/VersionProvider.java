package org.netdicom.tools;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version (filtered into version.properties) and the Java runtime. */
public final class VersionProvider implements IVersionProvider {

    /** The project version the tools were built as, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"netdicom " + version() + " (Java " + Runtime.version() + ", "
                + System.getProperty("java.vendor", "unknown vendor") + ")"};
    }
}
