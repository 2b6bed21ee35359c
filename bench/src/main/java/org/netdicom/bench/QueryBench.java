package org.netdicom.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.index.MatchOptions;
import org.netdicom.index.StoredInstance;
import org.netdicom.index.jdbc.JdbcIndex;
import org.netdicom.index.jdbc.JdbcIndexes;
import org.netdicom.qr.MoveDestinations;
import org.netdicom.qr.QueryRetrieveScp;

/**
 * The netdicom side of {@code bench/query-bench.sh}: writes the archive (patients of studies of one
 * series of CT images) and the C-FIND identifiers, and runs the Query/Retrieve SCP over an H2 index
 * of the archive's files.
 */
public final class QueryBench {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
    private static final String EXPLICIT_LE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final String IMPLICIT_LE = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
    private static final int STUDIES_PER_PATIENT = 10;
    private static final int IMAGES_PER_STUDY = 10;

    private QueryBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
            case "queries" -> queries(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "scp" -> serve(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]));
            default -> {
                System.err.println("usage: QueryBench generate DIR INSTANCES | queries DIR COUNT INSTANCES"
                        + " | scp PORT ARCHIVE_DIR INDEX_DIR");
                System.exit(2);
            }
        }
    }

    private static String patientId(int p) {
        return String.format("PAT%05d", p);
    }

    /** {@code instances} CT images of 64 x 64 in Explicit VR Little Endian. */
    private static void generate(Path dir, int instances) throws IOException {
        Files.createDirectories(dir);
        byte[] pixels = new byte[64 * 64 * 2];
        for (int i = 0; i < instances; i++) {
            int study = i / IMAGES_PER_STUDY;
            int patient = study / STUDIES_PER_PATIENT;
            Dataset d = new Dataset();
            d.setString(0x00080016, VR.UI, CT);
            d.setString(0x00080018, VR.UI, "1.2.826.0.1.3680043.10.1." + study + "." + (i % IMAGES_PER_STUDY + 1));
            d.setString("StudyDate", String.format("2024%02d%02d", 1 + study % 12, 1 + study % 28));
            d.setString("StudyTime", String.format("%02d0000", study % 24));
            d.setString("AccessionNumber", "ACC" + study);
            d.setString("Modality", "CT");
            d.setString("ReferringPhysicianName", "Referrer^" + (study % 7));
            d.setString("StudyDescription", "Study " + study);
            d.setString("PatientName", "Name" + patient + "^Given");
            d.setString("PatientID", patientId(patient));
            d.setString("PatientBirthDate", "19700101");
            d.setString("PatientSex", patient % 2 == 0 ? "F" : "M");
            d.setString("StudyInstanceUID", "1.2.826.0.1.3680043.10.1." + study);
            d.setString("SeriesInstanceUID", "1.2.826.0.1.3680043.10.1." + study + ".1");
            d.setString("StudyID", "S" + study);
            d.setString("SeriesNumber", "1");
            d.setString("InstanceNumber", Integer.toString(i % IMAGES_PER_STUDY + 1));
            d.setInt("SamplesPerPixel", 1);
            d.setString("PhotometricInterpretation", "MONOCHROME2");
            d.setInt("Rows", 64);
            d.setInt("Columns", 64);
            d.setInt("BitsAllocated", 16);
            d.setInt("BitsStored", 12);
            d.setInt("HighBit", 11);
            d.setInt("PixelRepresentation", 0);
            d.setBytes(0x7FE00010, VR.OW, pixels);
            DicomFile.write(dir.resolve(String.format("img%06d.dcm", i)), d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
    }

    /**
     * {@code count} Study Root STUDY level identifiers in turn: by Patient ID, by a Patient Name
     * prefix (wildcard), by a Study Date range, by Accession Number; each asks for the same return keys.
     */
    private static void queries(Path dir, int count, int instances) throws IOException {
        Files.createDirectories(dir);
        int studies = Math.max(1, instances / IMAGES_PER_STUDY);
        int patients = Math.max(1, studies / STUDIES_PER_PATIENT);
        for (int q = 0; q < count; q++) {
            Dataset d = new Dataset();
            d.setString("QueryRetrieveLevel", "STUDY");
            d.setString("StudyDate", "");
            d.setString("AccessionNumber", "");
            d.setString("PatientName", "");
            d.setString("PatientID", "");
            d.setString("StudyInstanceUID", "");
            d.setString("StudyID", "");
            int n = (q * 7919) % patients;
            switch (q % 4) {
                case 0 -> d.setString("PatientID", patientId(n));
                case 1 -> d.setString("PatientName", "Name" + n + "^*");
                case 2 -> d.setString("StudyDate", String.format("2024%02d01-2024%02d03", 1 + q % 12, 1 + q % 12));
                default -> d.setString("AccessionNumber", "ACC" + ((q * 7919) % studies));
            }
            // findscu reads each identifier from a file; its meta information names the FIND SOP class
            Dataset meta = DicomFile.createFileMeta(STUDY_ROOT_FIND, "2.25." + (1000 + q), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve(String.format("q%05d.dcm", q))))) {
                DicomFile.write(out, meta, d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            }
        }
    }

    /** Indexes every file of {@code archive} into an H2 index in {@code indexDir}, then serves C-FIND as QRSCP. */
    private static void serve(int port, Path archive, Path indexDir) throws Exception {
        JdbcIndex index = JdbcIndexes.h2(indexDir);
        long t0 = System.nanoTime();
        int n = 0;
        try (Stream<Path> files = Files.list(archive)) {
            for (Path f : files.sorted().toList()) {
                Dataset d = DicomFile.read(f, 1024).dataset().filter(t -> t != 0x7FE00010);
                index.put(new StoredInstance(d, archive.relativize(f).toString(), Files.size(f), EXPLICIT_LE,
                        Instant.now()));
                n++;
            }
        }
        System.out.printf("INDEXED %d %.3f%n", n, (System.nanoTime() - t0) / 1e9);
        QueryRetrieveScp scp = new QueryRetrieveScp(index, archive, MatchOptions.DEFAULT,
                MoveDestinations.parse(List.of(), null), null);
        new ApplicationEntity("QRSCP").logHandlerLevel(LogHandlerLevel.NONE)
                .addSupportedContexts(ServiceClass.QUERY_RETRIEVE, EXPLICIT_LE, IMPLICIT_LE)
                .startServer(new InetSocketAddress("127.0.0.1", port), scp.bindings());
        System.out.println("READY");
        Thread.currentThread().join();
    }
}
