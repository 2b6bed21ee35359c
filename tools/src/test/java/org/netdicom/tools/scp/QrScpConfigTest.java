package org.netdicom.tools.scp;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.ToolException;

class QrScpConfigTest {

    @TempDir
    Path dir;

    private QrScpConfig config(String text) throws Exception {
        Path file = dir.resolve("qrscp.properties");
        Files.writeString(file, text);
        return QrScpConfig.read(file);
    }

    @Test
    void theCommandLineWinsOverTheFileWhichWinsOverTheDefault() throws Exception {
        QrScpConfig c = config("aet = ARCHIVE\nport = 104\n");
        assertEquals("CLI", c.pick("CLI", "aet", "QRSCP"));
        assertEquals("ARCHIVE", c.pick(null, "aet", "QRSCP"));
        assertEquals("overwrite", c.pick(null, "duplicates", "overwrite"));
        assertEquals(104, c.integer("port", 11112));
        assertEquals(11112, QrScpConfig.none().integer("port", 11112));
    }

    @Test
    void destinationsAreCommaSeparatedAndPathsRelativeToTheFile() throws Exception {
        QrScpConfig c = config("destinations = A@h:1, B@[::1]:2/tls ,\ndata = archive\nstorage = /srv/dicom\n");
        assertEquals(List.of("A@h:1", "B@[::1]:2/tls"), c.list("destinations"));
        assertEquals(dir.resolve("archive").toAbsolutePath(), c.path("data"));
        assertEquals(Path.of("/srv/dicom"), c.path("storage"));
        assertNull(c.path("pattern"));
    }

    @Test
    void anUnknownKeyOrABadValueIsAUsageErrorNamingIt() throws Exception {
        ToolException typo = assertThrows(ToolException.class, () -> config("aet = A\nprot = 104\n"));
        assertEquals(ExitCodes.USAGE, typo.exitCode());
        assertTrue(typo.getMessage().contains("unknown key prot"), typo.getMessage());

        ToolException port = assertThrows(ToolException.class, () -> config("port = eleven").integer("port", 1));
        assertEquals(ExitCodes.USAGE, port.exitCode());
        assertTrue(port.getMessage().endsWith("port = eleven: not a whole number"), port.getMessage());
        assertThrows(ToolException.class, () -> config("fsync = yes").bool("fsync", true));
    }

    @Test
    void aMissingFileIsAnIoError() {
        ToolException missing = assertThrows(ToolException.class, () -> QrScpConfig.read(dir.resolve("none")));
        assertEquals(ExitCodes.IO, missing.exitCode());
        assertTrue(missing.getMessage().startsWith("cannot read configuration file "), missing.getMessage());
    }
}
