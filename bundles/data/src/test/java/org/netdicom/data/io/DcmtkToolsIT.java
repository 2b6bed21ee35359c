package org.netdicom.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.data.Dataset;
import org.netdicom.data.Fragments;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;

/**
 * Files made by DCMTK's {@code img2dcm} (from a BMP and a JPEG we generate: img2dcm reads only
 * these two formats, not PGM/PPM) and changed by {@code dcmodify} are read with the values we
 * put in or asked for. Needs DCMTK; fails without it.
 */
class DcmtkToolsIT {
    private static final int W = 7; // odd: BMP rows are padded to 4 bytes, DICOM rows are not
    private static final int H = 5;

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timeout: " + String.join(" ", command));
        String text = new String(out, StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + " failed (DCMTK installed?):\n" + text);
        return text;
    }

    private static BufferedImage image() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                img.setRGB(x, y, (x * 36) << 16 | (y * 50) << 8 | (x + y) * 20);
            }
        }
        return img;
    }

    @Test
    void readsTheRgbPixelsImg2dcmMadeFromABmp(@TempDir Path dir) throws Exception {
        Path bmp = dir.resolve("in.bmp");
        assertTrue(ImageIO.write(image(), "bmp", bmp.toFile()));
        Path dcm = dir.resolve("bmp.dcm");
        run("img2dcm", "-i", "BMP", bmp.toString(), dcm.toString());

        DicomFile f = DicomFile.read(dcm);
        Dataset d = f.dataset();
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, f.transferSyntax());
        assertEquals(H, d.getInt("Rows", 0));
        assertEquals(W, d.getInt("Columns", 0));
        assertEquals("RGB", d.getString("PhotometricInterpretation"));
        assertEquals(3, d.getInt("SamplesPerPixel", 0));
        assertEquals(0, d.getInt("PlanarConfiguration", -1));
        byte[] expected = new byte[W * H * 3];
        BufferedImage img = image();
        for (int y = 0, i = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int rgb = img.getRGB(x, y);
                expected[i++] = (byte) (rgb >>> 16);
                expected[i++] = (byte) (rgb >>> 8);
                expected[i++] = (byte) rgb;
            }
        }
        byte[] pixels = d.getBytes(Tag.PIXEL_DATA);
        assertArrayEquals(expected, Arrays.copyOf(pixels, expected.length));
        assertEquals(expected.length + (expected.length & 1), pixels.length);
        assertEquals(f.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID), d.getString("SOPInstanceUID"));
    }

    @Test
    void readsTheJpegStreamImg2dcmEncapsulated(@TempDir Path dir) throws Exception {
        Path jpg = dir.resolve("in.jpg");
        assertTrue(ImageIO.write(image(), "jpeg", jpg.toFile()));
        Path dcm = dir.resolve("jpg.dcm");
        run("img2dcm", jpg.toString(), dcm.toString());

        DicomFile f = DicomFile.read(dcm);
        assertEquals("1.2.840.10008.1.2.4.50", f.transferSyntax().uid()); // JPEG Baseline
        Fragments frags = f.dataset().getFragments(Tag.PIXEL_DATA);
        assertEquals(1, frags.size());
        byte[] jpeg = withoutJfifSegment(Files.readAllBytes(jpg)); // img2dcm always drops JFIF APP0
        byte[] fragment = frags.get(0);
        assertArrayEquals(jpeg, Arrays.copyOf(fragment, jpeg.length)); // img2dcm pads to even length
        assertEquals(jpeg.length + (jpeg.length & 1), fragment.length);
        assertEquals("YBR_FULL_422", f.dataset().getString("PhotometricInterpretation"));
    }

    /** The JPEG stream without its APP0 segment, if the one after SOI is APP0 (JFIF). */
    private static byte[] withoutJfifSegment(byte[] jpeg) {
        if ((jpeg[2] & 0xFF) != 0xFF || (jpeg[3] & 0xFF) != 0xE0) {
            return jpeg;
        }
        int segment = 2 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF)); // marker + length (which counts itself)
        byte[] out = new byte[jpeg.length - segment];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(jpeg, 2 + segment, out, 2, jpeg.length - 2 - segment);
        return out;
    }

    @Test
    void readsWhatDcmodifyChangedInsertedAndErased(@TempDir Path dir) throws Exception {
        Dataset d = Samples.everyVr();
        Path dcm = dir.resolve("mod.dcm");
        DicomFile.write(dcm, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        run("dcmodify", "-nb",
                "-m", "(0010,0010)=Roe^Jane",
                "-i", "(0010,0030)=19800102",
                "-e", "(0010,0020)",
                "-m", "(0008,1115)[1].(0020,000e)=1.2.3.99",
                "-i", "(0008,1115)[0].(0008,1155)=1.2.840.99",
                dcm.toString());

        Dataset r = DicomFile.read(dcm).dataset();
        assertEquals("Roe^Jane", r.getString("PatientName"));
        assertEquals(java.time.LocalDate.of(1980, 1, 2), r.getDate("PatientBirthDate"));
        assertNull(r.getString("PatientID"));
        assertEquals("1.2.3.99", r.getSequence("ReferencedSeriesSequence").get(1).getString("SeriesInstanceUID"));
        assertEquals("1.2.840.99", r.getSequence("ReferencedSeriesSequence").get(0).getString("ReferencedSOPInstanceUID"));
        // everything dcmodify was not asked to touch is as we wrote it
        Dataset untouched = r.filter(t -> t != 0x00100010 && t != 0x00100030 && t != 0x00100020 && t != 0x00081115);
        Dataset original = d.filter(t -> t != 0x00100010 && t != 0x00100030 && t != 0x00100020 && t != 0x00081115);
        assertEquals(original, untouched);
    }
}
