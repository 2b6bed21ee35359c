package org.netdicom.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomWriter;

/** Small instances for the storage tests, written by our data bundle. */
public final class Instances {

    public static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    public static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    public static final String SC = "1.2.840.10008.5.1.4.1.1.7";

    private Instances() {
    }

    /** A CT image of 16 x 16 pixels (16 bits) of patient {@code patientId}. */
    public static Dataset image(String sopClass, String sopInstance, String patientId, String study, String series) {
        Dataset d = new Dataset();
        d.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        d.setString(Tag.SOP_CLASS_UID, VR.UI, sopClass);
        d.setString(Tag.SOP_INSTANCE_UID, VR.UI, sopInstance);
        d.setString("StudyDate", "20261129");
        d.setString("Modality", sopClass.equals(MR) ? "MR" : sopClass.equals(SC) ? "OT" : "CT");
        d.setString("PatientName", "Müller^Jörg");
        if (patientId != null) {
            d.setString("PatientID", patientId);
        }
        d.setString("StudyInstanceUID", study);
        d.setString("SeriesInstanceUID", series);
        d.setString("InstanceNumber", "1");
        d.setInt("SamplesPerPixel", 1);
        d.setString("PhotometricInterpretation", "MONOCHROME2");
        d.setInt("Rows", 16).setInt("Columns", 16);
        d.setInt("BitsAllocated", 16).setInt("BitsStored", 12).setInt("HighBit", 11);
        d.setInt("PixelRepresentation", 0);
        byte[] pixels = new byte[16 * 16 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7 + sopInstance.hashCode());
        }
        d.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return d;
    }

    public static Dataset image(String sopInstance) {
        return image(CT, sopInstance, "PAT1", "2.25.100", "2.25.200");
    }

    /** The encoding of {@code d} in {@code ts}, as a peer sends it (deflated for the deflated syntax). */
    public static byte[] encode(Dataset d, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (ts.isDeflated()) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater);
            DicomWriter w = new DicomWriter(out);
            w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            w.flush();
            out.finish();
            deflater.end();
        } else {
            DicomWriter w = new DicomWriter(bytes);
            w.writeDataset(d, ts);
            w.flush();
        }
        return bytes.toByteArray();
    }
}
