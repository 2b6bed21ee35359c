package org.netdicom.tools.common;

import org.netdicom.core.api.LogHandlerLevel;

import picocli.CommandLine.Option;

/**
 * -v, -d and -q. The engine logs through SLF4J; the tools ship slf4j-simple, whose level is set
 * here before the first logger exists (a {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} in
 * JAVA_OPTS wins). Without options only warnings and errors are logged.
 */
public final class Verbosity {

    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @Option(names = {"-v", "--verbose"}, description = "Verbose: log each association's outcome (INFO).")
    boolean verbose;

    @Option(names = {"-d", "--debug"}, description = "Debug: log DIMSE messages and PDUs (DEBUG); stack traces on failure.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Quiet: errors only (and findscu's matches); no progress, warnings or summary.")
    boolean quiet;

    public boolean quiet() {
        return quiet && !verbose && !debug;
    }

    public boolean debug() {
        return debug;
    }

    /** The engine's own logging handlers: PDUs only with -d. */
    public LogHandlerLevel logHandlerLevel() {
        return debug ? LogHandlerLevel.DEBUG : LogHandlerLevel.STANDARD;
    }

    /** Sets the log level; call before any engine class logs. */
    public void apply() {
        if (System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, debug ? "debug" : verbose ? "info" : quiet ? "error" : "warn");
        }
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", Boolean.toString(debug));
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "false");
        if (debug) {
            System.setProperty("netdicom.debug", "true");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
