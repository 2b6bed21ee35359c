package org.netdicom.core.interop;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.core.api.event.EventType.*;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.event.NServiceEvent;
import org.netdicom.core.api.handler.NActionHandler;
import org.netdicom.core.api.handler.NCreateHandler;
import org.netdicom.core.api.handler.NDeleteHandler;
import org.netdicom.core.api.handler.NGetHandler;
import org.netdicom.core.api.handler.NResult;
import org.netdicom.core.api.handler.NSetHandler;
import org.netdicom.data.Dataset;
import org.netdicom.data.Sequence;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.testkit.Dcmtk;

/**
 * DCMTK's print spooler ({@code dcmprscu}, dcmpstat) prints a film on our Print Management SCP:
 * the N-GET of the printer, N-CREATE of film session and film box, N-SET of the image box with the
 * pixels, N-ACTION print and N-DELETE, all on a Basic Grayscale Print Management Meta context.
 * The stored print object it sends is rendered first by {@code dcmpsprt} from a small image.
 */
class PrintInteropIT {

    private static final String GRAYSCALE_META = "1.2.840.10008.5.1.1.9";
    private static final String PRESENTATION_LUT = "1.2.840.10008.5.1.1.23";
    private static final String FILM_SESSION = "1.2.840.10008.5.1.1.1";
    private static final String FILM_BOX = "1.2.840.10008.5.1.1.2";
    private static final String GRAYSCALE_IMAGE_BOX = "1.2.840.10008.5.1.1.4";
    private static final String PRINTER = "1.2.840.10008.5.1.1.16";

    @TempDir
    Path dir;
    private AssociationServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void dcmprscuPrintsAFilmOnOurPrintScp() throws Exception {
        List<String> operations = new CopyOnWriteArrayList<>();
        AtomicReference<Dataset> imageBox = new AtomicReference<>();
        AtomicInteger uids = new AtomicInteger();
        EventBindings handlers = EventBindings.of(EVT_N_GET, (NGetHandler) e -> {
            operations.add(describe(e));
            return NResult.success(new Dataset().setString(0x21100010, VR.CS, "NORMAL")
                    .setString(0x21100020, VR.CS, "NORMAL"));
        }).and(EVT_N_CREATE, (NCreateHandler) e -> {
            operations.add(describe(e));
            String uid = e.sopInstanceUid() != null ? e.sopInstanceUid() : "1.2.826.0.1.3680043.9.7433.9."
                    + uids.incrementAndGet();
            Dataset created = e.attributeList().copy();
            if (FILM_BOX.equals(e.sopClassUid())) {
                // PS3.4 H.4.2.2.4: the film box's N-CREATE-RSP lists its image boxes (display format 1,1: one)
                Sequence boxes = created.newSequence("ReferencedImageBoxSequence");
                boxes.addNew().setString("ReferencedSOPClassUID", GRAYSCALE_IMAGE_BOX)
                        .setString("ReferencedSOPInstanceUID", uid + ".1");
            }
            return NResult.success(created).withAffectedSopInstanceUid(uid);
        }).and(EVT_N_SET, (NSetHandler) e -> {
            operations.add(describe(e));
            if (GRAYSCALE_IMAGE_BOX.equals(e.sopClassUid())) {
                imageBox.set(e.modificationList());
            }
            return NResult.success();
        }).and(EVT_N_ACTION, (NActionHandler) e -> {
            operations.add(describe(e) + " action " + e.actionTypeId());
            return NResult.success();
        }).and(EVT_N_DELETE, (NDeleteHandler) e -> {
            operations.add(describe(e));
            return NResult.success();
        });
        int port = Dcmtk.freePort();
        server = new ApplicationEntity("NETDICOM")
                .addSupportedContext(GRAYSCALE_META, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                        TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid())
                .addSupportedContext(PRESENTATION_LUT, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                        TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid())
                .startServer(new InetSocketAddress("127.0.0.1", port), handlers);

        Path config = writeConfig(port);
        Path image = writeImage();
        Dcmtk.Result rendered = Dcmtk.run("dcmpsprt", "-c", config.toString(), "-p", "NETDICOM", image.toString());
        assertEquals(0, rendered.exitCode(), rendered.toString());
        Path storedPrint;
        try (Stream<Path> files = Files.list(dir.resolve("database"))) {
            storedPrint = files.filter(p -> p.getFileName().toString().startsWith("SP_")).findFirst().orElseThrow();
        }

        Dcmtk.Result printed = Dcmtk.run("dcmprscu", "-v", "-c", config.toString(), "-p", "NETDICOM",
                storedPrint.toString());

        assertEquals(0, printed.exitCode(), printed.toString());
        assertFalse(printed.output().contains("E: "), printed.toString());
        assertEquals(List.of("N-GET " + PRINTER, "N-CREATE " + FILM_SESSION, "N-CREATE " + FILM_BOX,
                "N-SET " + GRAYSCALE_IMAGE_BOX, "N-ACTION " + FILM_BOX + " action 1", "N-DELETE " + FILM_BOX,
                "N-DELETE " + FILM_SESSION), operations.stream().map(o -> o.replace(" on meta", "")).toList(),
                printed.toString());
        assertTrue(operations.stream().allMatch(o -> o.contains("on meta")), operations.toString());
        Dataset pixels = imageBox.get().getSequence("BasicGrayscaleImageSequence").get(0);
        assertTrue(pixels.getInt("Rows", 0) > 0 && pixels.getInt("Columns", 0) > 0, pixels.toString());
        assertNotNull(pixels.getBytes(Tag.PIXEL_DATA));
    }

    private static String describe(NServiceEvent e) {
        String op = switch (e.type()) {
            case EVT_N_GET -> "N-GET";
            case EVT_N_CREATE -> "N-CREATE";
            case EVT_N_SET -> "N-SET";
            case EVT_N_ACTION -> "N-ACTION";
            case EVT_N_DELETE -> "N-DELETE";
            default -> e.type().name();
        };
        return op + " " + e.sopClassUid() + (GRAYSCALE_META.equals(e.context().abstractSyntax()) ? " on meta" : "");
    }

    private Path writeConfig(int port) throws IOException {
        for (String sub : List.of("database", "spool", "log")) {
            Files.createDirectories(dir.resolve(sub));
        }
        String cfg = """
                [[GENERAL]]
                [APPLICATION]
                LogDirectory = %1$s/log
                LogFile = general.log
                LogLevel = ERROR
                [PRINT]
                Spooler = dcmprscu
                Server = dcmprscp
                Directory = %1$s/spool
                DetailedLog = false
                BinaryLog = false
                Sleep = 1
                DeletePrintJobs = true
                [DATABASE]
                Directory = %1$s/database
                [NETWORK]
                aetitle = PRINTSCU
                [[COMMUNICATION]]
                [NETDICOM]
                Type = PRINTER
                Aetitle = NETDICOM
                Description = netdicom print SCP
                Hostname = 127.0.0.1
                Port = %2$d
                MaxPDU = 32768
                ImplicitOnly = false
                DisableNewVRs = false
                DisplayFormat = 1,1
                FilmSizeID = 8INX10IN
                MediumType = PAPER
                MagnificationType = REPLICATE
                MaxDensity = 320
                MinDensity = 20
                Supports12Bit = true
                SupportsPresentationLUT = false
                PresentationLUTinFilmSession = false
                OmitSOPClassUIDFromCreateResponse = false
                """.formatted(dir.toAbsolutePath(), port);
        return Files.writeString(dir.resolve("print.cfg"), cfg);
    }

    private Path writeImage() throws IOException {
        byte[] pixels = new byte[64 * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i % 64) * 4);
        }
        Dataset image = new Dataset()
                .setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.826.0.1.3680043.9.7433.8.1")
                .setString("Modality", "OT").setString("PatientName", "Print^Test").setString("PatientID", "PT1")
                .setString("StudyInstanceUID", "1.2.826.0.1.3680043.9.7433.8.2")
                .setString("SeriesInstanceUID", "1.2.826.0.1.3680043.9.7433.8.3")
                .setInt("SamplesPerPixel", 1).setString("PhotometricInterpretation", "MONOCHROME2")
                .setInt("Rows", 64).setInt("Columns", 64).setInt("BitsAllocated", 8).setInt("BitsStored", 8)
                .setInt("HighBit", 7).setInt("PixelRepresentation", 0)
                .setBytes(Tag.PIXEL_DATA, VR.OB, pixels);
        Path file = dir.resolve("image.dcm");
        DicomFile.write(file, image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return file;
    }
}
