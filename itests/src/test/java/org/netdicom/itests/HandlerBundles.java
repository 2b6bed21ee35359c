package org.netdicom.itests;

import java.io.File;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * Builds handler bundles from classes of this module with bnd, as a plugin's build would (DS
 * component XML from the annotations, the {@code osgi.whiteboard} requirement of
 * {@code @HandlesEvent}, imports with version ranges). Runs on the host side, in
 * {@code @Configuration}; the tests install the jars while the framework runs.
 */
final class HandlerBundles {

    private HandlerBundles() {
    }

    /**
     * A bundle named {@code symbolicName} with the classes of {@code pkg} (under
     * target/test-classes) whose {@code X-Echo-Status} header is {@code status}; returns its file.
     */
    static File build(String symbolicName, String version, String pkg, int status, File outputDir) throws Exception {
        return build(symbolicName, version, pkg, "X-Echo-Status", String.format("0x%04X", status), outputDir);
    }

    /** As above with any header {@code name: value} for the handler to read. */
    static File build(String symbolicName, String version, String pkg, String name, String value, File outputDir)
            throws Exception {
        String core = System.getProperty("netdicom.core.bundle");
        try (Builder b = new Builder()) {
            b.addClasspath(new File("target/test-classes"));
            b.addClasspath(new File(core));
            b.setProperty("Bundle-SymbolicName", symbolicName);
            b.setProperty("Bundle-Version", version);
            b.setProperty("Private-Package", pkg);
            b.setProperty(name, value);
            b.setProperty("-dsannotations", "*");
            b.setProperty("-noextraheaders", "true");
            Jar jar = b.build();
            if (!b.isOk()) {
                throw new IllegalStateException("bnd could not build " + symbolicName + ": " + b.getErrors());
            }
            outputDir.mkdirs();
            File out = new File(outputDir, symbolicName + "-" + version + ".jar");
            jar.write(out);
            return out;
        }
    }
}
