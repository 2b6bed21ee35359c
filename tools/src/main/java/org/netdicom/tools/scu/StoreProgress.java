package org.netdicom.tools.scu;

import java.io.PrintWriter;
import java.util.Locale;

import org.netdicom.core.api.Status;

/**
 * Counts what storescu sent and shows it: a bar redrawn in place with instances/s and MB/s on a
 * terminal, one plain line per instance otherwise (a log file, a pipe), nothing with -q.
 */
final class StoreProgress {

    enum Style { BAR, LINES, NONE }

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;

    private final Style style;
    private final PrintWriter out;
    private final PrintWriter err;
    private final int total;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean barShown;

    int succeeded;
    int warnings;
    int failed;
    long bytes;
    private int answered;

    StoreProgress(Style style, PrintWriter out, PrintWriter err, int total) {
        this.style = style;
        this.out = out;
        this.err = err;
        this.total = total;
    }

    int done() {
        return succeeded + warnings + failed;
    }

    /** An instance was answered with {@code status}. */
    void stored(ScannedFile file, Status status) {
        answered++;
        switch (status.category()) {
            case SUCCESS -> succeeded++;
            case WARNING -> warnings++;
            default -> failed++;
        }
        bytes += file.size();
        if (status.category() == Status.Category.FAILURE || status.category() == Status.Category.CANCEL) {
            problem("failed: " + file.path() + ": " + status + " " + status.meaning(file.sopClassUid()));
            return;
        }
        if (style == Style.LINES) {
            // not printf: its Formatter parses the pattern again for every line
            out.println("[" + done() + "/" + total + "] " + status + " " + file.sopInstanceUid() + " " + file.path());
            out.flush();
        } else if (style == Style.BAR) {
            if (status.category() == Status.Category.WARNING) {
                problem("warning: " + file.path() + ": " + status + " " + status.meaning(file.sopClassUid()));
            }
            drawBar(false);
        }
    }

    /** Instances left unsent when the association failed: counted as failed, not listed. */
    void unsent(int count) {
        failed += count;
    }

    /** Instances the peer answered (with any status). */
    int answered() {
        return answered;
    }

    /** An instance could not be sent at all. */
    void notSent(ScannedFile file, String reason) {
        failed++;
        problem("failed: " + file.path() + ": " + reason);
    }

    /** A message that must be seen, on its own line above the bar. */
    void problem(String line) {
        if (barShown) {
            err.print("\r\033[K");
        }
        err.println("storescu: " + line);
        err.flush();
        if (barShown) {
            drawBar(true);
        }
    }

    void finish() {
        if (style == Style.BAR && total > 0) {
            drawBar(true);
            err.println();
            err.flush();
            barShown = false;
        }
    }

    double seconds() {
        return Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }

    /** e.g. "12 instances in 0.8 s: 15.0 instances/s, 3.2 MB/s". */
    String rates() {
        double s = seconds();
        return String.format(Locale.ROOT, "%d instances in %.1f s: %.1f instances/s, %.1f MB/s", done(), s,
                done() / s, bytes / s / 1e6);
    }

    private void drawBar(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS && done() < total) {
            return;
        }
        lastDraw = now;
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done() / total);
        double s = seconds();
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d  %.1f inst/s  %.1f MB/s%s", "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), done(), total, done() / s, bytes / s / 1e6,
                failed > 0 ? "  " + failed + " failed" : "");
        err.flush();
        barShown = true;
    }
}
