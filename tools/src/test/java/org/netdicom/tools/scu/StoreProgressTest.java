package org.netdicom.tools.scu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.netdicom.core.api.Status;

class StoreProgressTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private StoreProgress progress(StoreProgress.Style style, int total) {
        return new StoreProgress(style, new PrintWriter(out), new PrintWriter(err), total);
    }

    private static ScannedFile file(String uid, long size) {
        return new ScannedFile(Path.of("in", uid + ".dcm"), "1.2.840.10008.5.1.4.1.1.7", uid, "1.2.840.10008.1.2.1", size);
    }

    @Test
    void linesStyleWritesOneLinePerAnsweredInstanceAndReportsFailuresOnTheErrorStream() {
        StoreProgress p = progress(StoreProgress.Style.LINES, 3);
        p.stored(file("1.2.3", 100), Status.SUCCESS);
        p.stored(file("1.2.4", 100), Status.of(0xB007));
        p.stored(file("1.2.5", 100), Status.of(0xA700));

        String sep = System.lineSeparator();
        assertEquals("[1/3] 0x0000 (SUCCESS) 1.2.3 " + Path.of("in", "1.2.3.dcm") + sep
                + "[2/3] 0xB007 (WARNING) 1.2.4 " + Path.of("in", "1.2.4.dcm") + sep, out.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertEquals(1, p.succeeded);
        assertEquals(1, p.warnings);
        assertEquals(1, p.failed);
        assertEquals(300, p.bytes);
    }

    @Test
    void noneStyleWritesNothingForSuccesses() {
        StoreProgress p = progress(StoreProgress.Style.NONE, 1);
        p.stored(file("1.2.3", 10), Status.SUCCESS);
        p.finish();

        assertEquals("", out.toString());
        assertEquals("", err.toString());
        assertEquals(1, p.done());
    }
}
