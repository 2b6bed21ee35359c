package org.netdicom.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;
import org.netdicom.core.api.AssociationException;

class ExitCodesTest {

    @Test
    void failuresMapToTheDocumentedCodes() {
        assertEquals(ExitCodes.TIMEOUT, ExitCodes.of(new AssociationException(
                "no A-ASSOCIATE-AC from ANY-SCP@/127.0.0.1:4 within 1000 ms; association aborted")));
        assertEquals(ExitCodes.TIMEOUT, ExitCodes.of(new UncheckedIOException(new AssociationException(
                "no C-FIND-RSP from X within 30000 ms; association aborted"))));
        assertEquals(ExitCodes.TIMEOUT, ExitCodes.of(new SocketTimeoutException("connect timed out")));
        assertEquals(ExitCodes.ASSOCIATION, ExitCodes.of(new AssociationException("association rejected by X: ...")));
        assertEquals(ExitCodes.ASSOCIATION, ExitCodes.of(new ConnectException("Connection refused")));
        assertEquals(ExitCodes.IO, ExitCodes.of(new NoSuchFileException("x.dcm")));
        assertEquals(ExitCodes.USAGE, ExitCodes.of(new IllegalArgumentException("bad AE title")));
        assertEquals(ExitCodes.DIMSE_FAILURE, ExitCodes.of(new ToolException(ExitCodes.DIMSE_FAILURE, "x")));
        assertEquals(ExitCodes.INTERNAL, ExitCodes.of(new NullPointerException()));
    }

    @Test
    void reasonsAreOneLine() {
        assertEquals("no such file or folder: x.dcm", ExitCodes.reason(new NoSuchFileException("x.dcm")));
        assertEquals("first", ExitCodes.reason(new IllegalStateException("first\nsecond")));
    }
}
