package org.netdicom.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** What a command printed, as text. */
final class Printed {

    private Printed() {
    }

    static String by(Consumer<PrintStream> command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            command.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The line that contains {@code marker}; fails if none does. */
    static String line(String text, String marker) {
        for (String line : text.split("\\R")) {
            if (line.contains(marker)) {
                return line;
            }
        }
        throw new AssertionError("no line with '" + marker + "' in:\n" + text);
    }
}
