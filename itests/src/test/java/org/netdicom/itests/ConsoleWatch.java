package org.netdicom.itests;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Copies what is printed on System.out and System.err while it is open (in the native container
 * the framework's log goes there, through pax-logging's default service log and slf4j-simple), so
 * a test can assert that no exception was logged.
 */
final class ConsoleWatch implements AutoCloseable {

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    ConsoleWatch() {
        System.setOut(new PrintStream(new Tee(out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err), true, StandardCharsets.UTF_8));
    }

    /** The lines printed so far that name an exception or an ERROR. */
    List<String> problems() {
        String text;
        synchronized (copy) {
            text = copy.toString(StandardCharsets.UTF_8);
        }
        return text.lines().filter(l -> l.contains("Exception") || l.contains("ERROR") || l.contains("\tat "))
                .toList();
    }

    /** Whether some line printed so far contains {@code text}. */
    boolean saw(String text) {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8).contains(text);
        }
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
    }

    private final class Tee extends OutputStream {
        private final PrintStream original;

        Tee(PrintStream original) {
            this.original = original;
        }

        @Override
        public void write(int b) {
            original.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
