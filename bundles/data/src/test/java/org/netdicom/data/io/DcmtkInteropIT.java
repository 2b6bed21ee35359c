package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;

/**
 * Interoperability with DCMTK (a real peer): files we write are parsed by {@code dcmdump} without
 * error and with our values; files made by {@code dump2dcm} and {@code dcmconv} in each transfer
 * syntax are read by us with the values {@code dcmdump} reports. These tests need DCMTK on the
 * PATH and fail, not skip, without it (CI installs the Debian package {@code dcmtk}).
 */
class DcmtkInteropIT {
    /** A top-level dcmdump line: tag, VR, value, length, VM, keyword. */
    private static final Pattern LINE = Pattern.compile(
            "^\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\w\\w) (.*?) +# +(\\d+|u/l), (\\d+) (\\S+)$");

    @BeforeAll
    static void requireDcmtk() {
        for (String tool : new String[] {"dcmdump", "dump2dcm", "dcmconv"}) {
            if (!onPath(tool)) {
                fail(tool + " not found on PATH: the DCMTK interoperability tests need DCMTK "
                        + "(Debian/Ubuntu: apt-get install dcmtk)");
            }
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timeout: " + String.join(" ", command));
        String text = new String(out, StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed:\n" + text);
        return text;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"})
    void dcmdumpParsesOurFilesWithoutErrorAndShowsOurValues(String tsUid, @TempDir Path dir) throws Exception {
        Dataset d = Samples.everyVr();
        Path file = dir.resolve("ours.dcm");
        DicomFile.write(file, d, UidRegistry.transferSyntax(tsUid));

        String dump = run("dcmdump", "+E", "-Un", "+L", file.toString());
        for (String line : dump.split("\n")) {
            assertTrue(!line.startsWith("E:") && !line.startsWith("W:"), () -> "dcmdump complained:\n" + dump);
        }
        assertTrue(dump.contains("(0002,0010) UI [" + tsUid + "]"), dump);
        assertTrue(dump.contains("(0002,0012) UI [2.25.338625098750908960327969964687268693230]"), dump);
        assertTrue(dump.contains("(0002,0013) SH [NETDICOM_010]"), dump);
        List<String[]> lines = topLevelDataSetLines(dump);
        int compared = compareWithDcmdump(d, lines);
        assertTrue(compared >= 30, "only " + compared + " elements compared:\n" + dump);
        assertTrue(dump.contains("    (0008,1155) UI [1.2.3.5.1]"), "nested item value:\n" + dump);
    }

    /**
     * Data sets we convert with {@link Transcoder} (the input with defined-length sequences, so
     * that lengths change on the way), put behind File Meta Information by {@link DicomFile}, are
     * parsed by {@code dcmdump +E} without error and with our values, swapped ones included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1>1.2.840.10008.1.2", "1.2.840.10008.1.2.1>1.2.840.10008.1.2.2",
        "1.2.840.10008.1.2>1.2.840.10008.1.2.2", "1.2.840.10008.1.2.2>1.2.840.10008.1.2",
        "1.2.840.10008.1.2.2>1.2.840.10008.1.2.1.99"})
    void dcmdumpParsesOurTranscodedDataSetsWithoutErrorAndShowsOurValues(String fromTo, @TempDir Path dir)
            throws Exception {
        TransferSyntax from = UidRegistry.transferSyntax(fromTo.substring(0, fromTo.indexOf('>')));
        TransferSyntax to = UidRegistry.transferSyntax(fromTo.substring(fromTo.indexOf('>') + 1));
        Dataset d = Samples.everyVr();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        DicomWriter w = new DicomWriter(encoded).definedLengthSequences(true);
        w.writeDataset(d, from);
        w.flush();
        Path file = dir.resolve("transcoded.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomFile.writeHeader(out, DicomFile.createFileMeta(d, to));
            Transcoder.transcode(new ByteArrayInputStream(encoded.toByteArray()), from, out, to);
        }

        String dump = run("dcmdump", "+E", "-Un", "+L", file.toString());
        for (String line : dump.split("\n")) {
            assertTrue(!line.startsWith("E:") && !line.startsWith("W:"), () -> "dcmdump complained:\n" + dump);
        }
        assertTrue(dump.contains("(0002,0010) UI [" + to.uid() + "]"), dump);
        int compared = compareWithDcmdump(d, topLevelDataSetLines(dump));
        assertTrue(compared >= 30, "only " + compared + " elements compared:\n" + dump);
        assertTrue(dump.contains("(7fe0,0010) OW 0000\\0001\\0002\\0003\\0004\\0005\\7fff\\ffff"), dump);
        assertTrue(dump.contains("    (0008,1155) UI [1.2.3.5.1]"), "nested item value:\n" + dump);
        assertEquals(d, DicomFile.read(file).dataset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+ti", "+te", "+tb", "+td"})
    void readsFilesMadeByDump2dcmAndDcmconvWithTheValuesDcmdumpReports(String xfer, @TempDir Path dir) throws Exception {
        Path dumpFile = dir.resolve("in.dump");
        Files.writeString(dumpFile, String.join("\n",
                "(0008,0005) CS [ISO_IR 100]",
                "(0008,0008) CS [ORIGINAL\\PRIMARY\\AXIAL]",
                "(0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]",
                "(0008,0018) UI [2.25.77]",
                "(0008,0020) DA [20240131]",
                "(0008,0030) TM [101530.25]",
                "(0008,1115) SQ (Sequence with undefined length)",
                "(fffe,e000) na (Item with undefined length)",
                "(0020,000e) UI [1.2.3.4]",
                "(0008,114a) SQ (Sequence with undefined length)",
                "(fffe,e000) na (Item with undefined length)",
                "(0008,1155) UI [1.2.3.4.5]",
                "(fffe,e00d) na (ItemDelimitationItem)",
                "(fffe,e0dd) na (SequenceDelimitationItem)",
                "(fffe,e00d) na (ItemDelimitationItem)",
                "(fffe,e0dd) na (SequenceDelimitationItem)",
                "(0010,0010) PN [M\u00fcller^Hans]",
                "(0010,0020) LO [PID-7]",
                "(0010,1002) SQ (Sequence with undefined length)",
                "(fffe,e0dd) na (SequenceDelimitationItem)",
                "(0018,0050) DS [1.25]",
                "(0018,9087) FD 1000.5",
                "(0018,9089) FD 0\\0.6\\0.8",
                "(0018,9219) SS -100",
                "(0018,6020) SL -70000",
                "(0020,0013) IS [7]",
                "(0020,9165) AT (0020,9056)\\(7fe0,0010)",
                "(0028,0010) US 2",
                "(0028,0011) US 2",
                "(0028,0100) US 16",
                "(7fe0,0010) OW 0001\\0002\\fffe\\8000",
                ""), StandardCharsets.ISO_8859_1);
        Path made = dir.resolve("made.dcm");
        Path converted = dir.resolve("converted.dcm");
        run("dump2dcm", dumpFile.toString(), made.toString());
        run("dcmconv", xfer, made.toString(), converted.toString());

        DicomFile f = DicomFile.read(converted);
        String expectedTs = switch (xfer) {
            case "+ti" -> "1.2.840.10008.1.2";
            case "+tb" -> "1.2.840.10008.1.2.2";
            case "+td" -> "1.2.840.10008.1.2.1.99";
            default -> "1.2.840.10008.1.2.1";
        };
        assertEquals(expectedTs, f.transferSyntax().uid());
        Dataset d = f.dataset();

        String dump = run("dcmdump", "-Un", "+L", converted.toString());
        int compared = compareWithDcmdump(d, topLevelDataSetLines(dump));
        assertTrue(compared >= 18, "only " + compared + " elements compared:\n" + dump);

        // values checked by hand as well, nested ones included
        assertEquals("Müller^Hans", d.getString("PatientName"));
        assertEquals("1.2.3.4.5", d.getSequence("ReferencedSeriesSequence").get(0)
                .getSequence("ReferencedInstanceSequence").get(0).getString("ReferencedSOPInstanceUID"));
        assertEquals(0, d.getSequence("OtherPatientIDsSequence").size());
        assertArrayEquals(new byte[] {1, 0, 2, 0, (byte) 0xFE, (byte) 0xFF, 0, (byte) 0x80}, d.getBytes(Tag.PIXEL_DATA));
        assertEquals(-100, d.getInt(0x00189219, 0));
        assertArrayEquals(new int[] {0x00209056, 0x7FE00010}, d.getInts(0x00209165));
    }

    /** The lines of the data set part of a dcmdump output that are not inside a sequence. */
    private static List<String[]> topLevelDataSetLines(String dump) {
        List<String[]> result = new ArrayList<>();
        boolean inDataSet = false;
        for (String line : dump.split("\n")) {
            if (line.startsWith("# Dicom-Data-Set")) {
                inDataSet = true;
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (inDataSet && m.matches()) {
                result.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(6)});
            }
        }
        return result;
    }

    /**
     * Compares each top-level element dcmdump printed with our dataset: same VR (where the file
     * carries one), same text for character values, same numbers for binary values.
     */
    private static int compareWithDcmdump(Dataset d, List<String[]> lines) {
        int compared = 0;
        for (String[] l : lines) {
            int tag = Integer.parseUnsignedInt(l[0] + l[1], 16);
            if (Tag.group(tag) == 0xFFFE) {
                continue; // delimiters
            }
            String vr = l[2];
            String value = l[3];
            String where = Tag.toString(tag) + " " + vr + " " + value;
            assertTrue(d.contains(tag), "we lack " + where);
            VR ours = d.vr(tag);
            if (!vr.equals("up") && !vr.equals("ox") && !vr.equals("xs")) {
                assertEquals(vr, ours.name(), where);
            }
            if (ours == VR.SQ) {
                assertTrue(value.contains("#=" + d.getSequence(tag).size() + ")"), where);
            } else if (value.equals("(no value available)")) {
                assertEquals(0, d.getBytes(tag).length, where);
            } else if (value.startsWith("[") && value.endsWith("]")) {
                assertEquals(value.substring(1, value.length() - 1), String.join("\\", d.getStrings(tag)), where);
            } else if (ours == VR.AT) {
                assertEquals(value.toLowerCase(), String.join("\\", d.getStrings(tag)).toLowerCase(), where);
            } else if (ours == VR.OB || ours == VR.OW || ours == VR.UN) {
                // dcmdump prints OB, OW and UN as hex; OL, OV and the numeric VRs in decimal
                String[] hex = value.split("\\\\");
                byte[] bytes = d.getBytes(tag);
                int unit = hex[0].length() / 2;
                for (int i = 0; i < hex.length; i++) {
                    long v = 0;
                    for (int k = unit - 1; k >= 0; k--) {
                        v = v << 8 | (bytes[i * unit + k] & 0xFF);
                    }
                    assertEquals(Long.parseUnsignedLong(hex[i], 16), v, where);
                }
            } else {
                String[] nums = value.split("\\\\");
                double[] ourNums = d.getDoubles(tag);
                assertEquals(nums.length, ourNums.length, where);
                for (int i = 0; i < nums.length; i++) {
                    assertEquals(Double.parseDouble(nums[i]), ourNums[i], Math.abs(ourNums[i]) * 1e-6, where);
                }
            }
            compared++;
        }
        return compared;
    }

    @Test
    void ourDumpMatchesDcmdumpLineForLineOnSimpleElements(@TempDir Path dir) throws Exception {
        Dataset d = new Dataset();
        d.setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7");
        d.setString("SOPInstanceUID", "2.25.5");
        d.setString("PatientName", "Doe^John");
        d.setInt("Rows", 512);
        Path file = dir.resolve("x.dcm");
        DicomFile.write(file, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        String dump = run("dcmdump", "-Un", file.toString());
        for (String ours : d.toString().split("\n")) {
            String head = ours.substring(0, ours.indexOf("  #"));
            String tail = ours.substring(ours.indexOf("#") + 1).trim();
            boolean found = false;
            for (String line : dump.split("\n")) {
                if (line.startsWith(head + " ") && line.replaceAll(" +", " ").endsWith(tail.replaceAll(" +", " "))) {
                    found = true;
                }
            }
            assertTrue(found, "dcmdump has no line like '" + ours + "':\n" + dump);
        }
    }

    /**
     * Names encoded with ISO 2022 code extensions (PS3.5 Annex I) by us are decoded by DCMTK
     * ({@code dcmdump +U8}, converting to UTF-8) to the same characters. Debian's DCMTK converts
     * with iconv, which lacks ISO 2022 IR 87, so the Japanese examples are checked against the
     * standard's bytes in {@code CharacterSetTest} only.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\\ISO 2022 IR 149|Hong^Gildong=洪^吉洞=홍^길동",
        "\\ISO 2022 IR 149|김^희중=金^熙重=김^희중"})
    void dcmdumpDecodesOurIso2022NamesToTheSameCharacters(String charsetAndName, @TempDir Path dir) throws Exception {
        String[] parts = charsetAndName.split("\\|");
        Dataset d = new Dataset();
        d.setString(Tag.SPECIFIC_CHARACTER_SET, parts[0].split("\\\\", -1));
        d.setString("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7").setString("SOPInstanceUID", "2.25.2022");
        d.setString("PatientName", parts[1]);
        Path f = dir.resolve("names.dcm");
        DicomFile.write(f, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        String dump = new String(run("dcmdump", "+U8", f.toString()).getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
        assertTrue(dump.contains("(0010,0010) PN [" + parts[1] + "]"), dump);
        assertEquals(parts[1], DicomFile.read(f).dataset().getString("PatientName"));
    }
}
