package org.netdicom.tools.scu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.DicomFormatException;
import org.netdicom.tools.TestFiles;

class ScannedFileTest {

    @TempDir
    Path dir;

    @Test
    void takesTheUidsAndSyntaxFromTheFileMetaInformation() throws IOException {
        Dataset image = TestFiles.image(TestFiles.CT, "P1", "1.2.3", 7);
        Path file = TestFiles.write(dir, "ct.dcm", image, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);

        ScannedFile scanned = ScannedFile.scan(file);

        assertEquals(TestFiles.CT, scanned.sopClassUid());
        assertEquals("1.2.3.1.7", scanned.sopInstanceUid());
        assertEquals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(), scanned.transferSyntaxUid());
        assertEquals(Files.size(file), scanned.size());
    }

    @Test
    void fallsBackToTheDataSetWhenTheMetaLacksTheUids() throws IOException {
        Dataset image = TestFiles.image(TestFiles.MR, "P1", "1.2.4", 3);
        Dataset meta = DicomFile.createFileMeta(image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        meta.remove(Tag.MEDIA_STORAGE_SOP_CLASS_UID);
        meta.remove(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID);
        Path file = dir.resolve("no-uids-in-meta.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomFile.write(out, meta, image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }

        ScannedFile scanned = ScannedFile.scan(file);

        assertEquals(TestFiles.MR, scanned.sopClassUid());
        assertEquals("1.2.4.1.3", scanned.sopInstanceUid());
    }

    @Test
    void refusesAFileCutShortBeforeItsSopInstanceUid() throws IOException {
        Dataset image = TestFiles.image(TestFiles.CT, "P1", "1.2.6", 1);
        Path whole = TestFiles.write(dir, "whole.dcm", image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] bytes = Files.readAllBytes(whole);
        long metaEnd = 132 + 12 + DicomFile.read(whole).fileMeta().getLong(Tag.FILE_META_INFORMATION_GROUP_LENGTH, 0);
        Path cut = Files.write(dir.resolve("cut.dcm"), java.util.Arrays.copyOf(bytes, (int) metaEnd + 5));

        // found before an association is opened for it, not half-way through sending it
        assertThrows(IOException.class, () -> ScannedFile.scan(cut));
    }

    @Test
    void refusesADicomdirAndAFileThatIsNotDicom() throws IOException {
        Dataset dicomdir = new Dataset();
        dicomdir.setString("SOPClassUID", "1.2.840.10008.1.3.10");
        dicomdir.setString("SOPInstanceUID", "1.2.5");
        Path directory = TestFiles.write(dir, "DICOMDIR", dicomdir, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path text = Files.writeString(dir.resolve("notes.txt"), "not DICOM at all, but long enough to hold a preamble: "
                + "x".repeat(200));

        assertThrows(ScannedFile.NotSendable.class, () -> ScannedFile.scan(directory));
        assertThrows(DicomFormatException.class, () -> ScannedFile.scan(text));
    }
}
