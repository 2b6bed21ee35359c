package org.netdicom.tools.scp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.ToolException;

/**
 * The qrscp configuration file: Java properties ({@code key = value}, {@code #} comments) with the
 * keys of {@link #KEYS}. Options on the command line win over it. A key that is not known fails the
 * start (exit code 1), so a misspelt setting is never silently ignored.
 */
final class QrScpConfig {

    /** Every key the file may hold. */
    static final Set<String> KEYS = Set.of("aet", "port", "bind", "data", "storage", "destinations", "pattern",
            "duplicates", "transferSyntax", "fsync", "index.url", "index.user", "index.password");

    private final Path file;
    private final Properties properties;

    private QrScpConfig(Path file, Properties properties) {
        this.file = file;
        this.properties = properties;
    }

    /** No file: every value absent. */
    static QrScpConfig none() {
        return new QrScpConfig(null, new Properties());
    }

    /** Reads {@code file}: exit code 2 if it cannot be read, 1 for an unknown key. */
    static QrScpConfig read(Path file) throws ToolException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) { // IAE: a malformed \\uxxxx escape
            throw new ToolException(ExitCodes.IO, "cannot read configuration file " + file + ": "
                    + ExitCodes.reason(e), e);
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new ToolException(ExitCodes.USAGE, "configuration file " + file + ": unknown key "
                    + String.join(", ", unknown) + " (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }
        return new QrScpConfig(file, properties);
    }

    /** The value of {@code key}, stripped; null if absent or empty. */
    String get(String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code cli} if given on the command line, else the file's value, else {@code fallback}. */
    String pick(String cli, String key, String fallback) {
        if (cli != null) {
            return cli;
        }
        String value = get(key);
        return value != null ? value : fallback;
    }

    /** An integer value, or {@code fallback}; exit code 1 naming the key if it is not a number. */
    int integer(String key, int fallback) throws ToolException {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "not a whole number");
        }
    }

    /** A boolean value ({@code true}/{@code false}), or {@code fallback}. */
    boolean bool(String key, boolean fallback) throws ToolException {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw invalid(key, value, "neither true nor false");
    }

    /** The comma-separated entries of {@code key}. */
    List<String> list(String key) {
        List<String> entries = new ArrayList<>();
        String value = get(key);
        if (value != null) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    /** A path value, relative to the configuration file's folder when relative. */
    Path path(String key) {
        String value = get(key);
        if (value == null) {
            return null;
        }
        Path p = Path.of(value);
        Path folder = file == null ? null : file.toAbsolutePath().getParent();
        return p.isAbsolute() || folder == null ? p : folder.resolve(p);
    }

    ToolException invalid(String key, String value, String why) {
        return new ToolException(ExitCodes.USAGE, (file == null ? "" : "configuration file " + file + ": ") + key
                + " = " + value + ": " + why);
    }
}
