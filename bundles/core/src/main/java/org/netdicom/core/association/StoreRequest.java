package org.netdicom.core.association;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.netdicom.core.api.AssociationException;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.core.dimse.CommandField;
import org.netdicom.core.dimse.CommandSet;
import org.netdicom.core.dimse.CommandTag;
import org.netdicom.core.dimse.OutgoingDataSet;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.DicomWriter;
import org.netdicom.data.io.ReadOptions;
import org.netdicom.data.io.Transcoder;

/**
 * One instance to send in a C-STORE-RQ (PS3.7 9.3.1.1), from a data set in memory or a Part 10
 * file: picks the accepted context that can carry it and encodes it for that context, streaming a
 * file's data set unchanged when the transfer syntaxes agree and converting it as it streams when
 * they do not.
 */
final class StoreRequest {

    /** Values from this size on stay in the file when a file without group length is read to be sent. */
    private static final long BULK_THRESHOLD = 64 * 1024;
    /** PS3.10 7.1: 128-byte preamble and the DICM prefix precede the meta group. */
    private static final int PREAMBLE_AND_PREFIX = 132;

    private final String sopClass;
    private final String sopInstance;
    /** The syntax the data are encoded in (file) or meant for (data set); null: any uncompressed. */
    private final TransferSyntax source;
    private final Dataset dataset;
    private final Path file;
    /** Where the data set starts in {@link #file}, or -1 when the header is not standard. */
    private final long dataSetOffset;
    private String moveOriginatorAeTitle;
    private int moveOriginatorMessageId = -1;

    private StoreRequest(String sopClass, String sopInstance, TransferSyntax source, Dataset dataset, Path file,
            long dataSetOffset) {
        this.sopClass = sopClass;
        this.sopInstance = sopInstance;
        this.source = source;
        this.dataset = dataset;
        this.file = file;
        this.dataSetOffset = dataSetOffset;
    }

    static StoreRequest of(Dataset dataset, String transferSyntaxUid) {
        Objects.requireNonNull(dataset, "dataset");
        String sopClass = dataset.getString(Tag.SOP_CLASS_UID);
        String sopInstance = dataset.getString(Tag.SOP_INSTANCE_UID);
        if (sopClass == null || sopInstance == null) {
            throw new IllegalArgumentException("the data set lacks SOP Class UID or SOP Instance UID");
        }
        TransferSyntax ts = transferSyntaxUid == null ? null : UidRegistry.transferSyntaxOrUnknown(transferSyntaxUid);
        return new StoreRequest(sopClass, sopInstance, ts, dataset, null, -1);
    }

    /** Reads the file's meta information only; the data set is read when it is sent. */
    static StoreRequest of(Path file) throws IOException {
        DicomFile header;
        try (InputStream in = Files.newInputStream(file)) {
            header = DicomFile.read(in, ReadOptions.DEFAULT.stopBefore(0));
        }
        Dataset meta = header.fileMeta();
        String sopClass = meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID);
        String sopInstance = meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID);
        if (sopClass == null || sopInstance == null) {
            throw new IOException(file + ": the File Meta Information lacks Media Storage SOP Class or Instance UID");
        }
        long groupLength = meta.getLong(Tag.FILE_META_INFORMATION_GROUP_LENGTH, -1);
        // preamble + DICM, then (0002,0000) UL itself (12 bytes in explicit VR) and the group it counts
        long offset = groupLength < 0 ? -1 : PREAMBLE_AND_PREFIX + 12 + groupLength;
        return new StoreRequest(sopClass, sopInstance, header.transferSyntax(), null, file, offset);
    }

    /** Marks this store as a sub-operation of the C-MOVE {@code messageId} that {@code aeTitle} asked for. */
    StoreRequest movedFor(String aeTitle, int messageId) {
        this.moveOriginatorAeTitle = aeTitle;
        this.moveOriginatorMessageId = messageId;
        return this;
    }

    String sopInstanceUid() {
        return sopInstance;
    }

    /**
     * The accepted context to send on: one of the SOP class where we may act as SCU, with the data's
     * own transfer syntax if there is one, else with an uncompressed syntax the data convert to.
     */
    PresentationContext chooseContext(List<PresentationContext> accepted, boolean weAreAcceptor)
            throws AssociationException {
        PresentationContext convertible = null;
        for (PresentationContext context : accepted) {
            boolean mayStore = weAreAcceptor ? context.acceptorIsScu() : context.requestorIsScu();
            if (!context.abstractSyntax().equals(sopClass) || !mayStore) {
                continue;
            }
            TransferSyntax ts = UidRegistry.transferSyntaxOrUnknown(context.transferSyntax());
            if (source != null && source.equals(ts)) {
                return context;
            }
            boolean converts = source == null ? Transcoder.canTranscode(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ts)
                    : Transcoder.canTranscode(source, ts);
            if (converts && (convertible == null || ts.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))) {
                convertible = context;
            }
        }
        if (convertible != null) {
            return convertible;
        }
        throw new AssociationException("no accepted presentation context for " + UidRegistry.nameOf(sopClass)
                + (source == null ? "" : " can carry " + source.name()) + (weAreAcceptor ? " with us as SCU" : ""));
    }

    CommandSet command(PresentationContext context) {
        CommandSet command = new CommandSet()
                .put(CommandTag.AFFECTED_SOP_CLASS_UID, sopClass)
                .put(CommandTag.COMMAND_FIELD, CommandField.C_STORE_RQ)
                .put(CommandTag.PRIORITY, 0)
                .put(CommandTag.COMMAND_DATA_SET_TYPE, 0x0000)
                .put(CommandTag.AFFECTED_SOP_INSTANCE_UID, sopInstance);
        if (moveOriginatorAeTitle != null) {
            command.put(CommandTag.MOVE_ORIGINATOR_APPLICATION_ENTITY_TITLE, moveOriginatorAeTitle)
                    .put(CommandTag.MOVE_ORIGINATOR_MESSAGE_ID, moveOriginatorMessageId);
        }
        return command;
    }

    /**
     * The data set encoded for {@code context}. A file's data set is read when it is sent, its bytes
     * as they are when the syntaxes agree, else converted as they are read ({@link Transcoder}): it is
     * never held whole and never copied to disk first.
     */
    OutgoingDataSet encode(PresentationContext context) throws IOException {
        TransferSyntax target = UidRegistry.transferSyntaxOrUnknown(context.transferSyntax());
        if (file != null && dataSetOffset > 0 && source.equals(target)) {
            return OutgoingDataSet.ofFile(file, dataSetOffset); // sent from the file through direct memory
        }
        if (file != null && dataSetOffset > 0 && Transcoder.canTranscode(source, target)) {
            // streamed from the file, converted on the fly
            return OutgoingDataSet.of(() -> {
                // unbuffered: the sender reads 64 KiB at a time into arrays it keeps
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                try {
                    channel.position(dataSetOffset);
                } catch (IOException e) {
                    channel.close();
                    throw e;
                }
                return Transcoder.transcoding(Channels.newInputStream(channel), source, target);
            });
        }
        Dataset data = dataset != null ? dataset : DicomFile.read(file, BULK_THRESHOLD).dataset();
        if (!hasBulkData(data)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            write(data, target, out);
            return OutgoingDataSet.of(out.toByteArray());
        }
        // Values left in files are encoded through a temporary file, made when the data set is sent
        // (so a send that fails before leaves nothing behind) and deleted when it has been read.
        return OutgoingDataSet.of(() -> {
            Path temp = Files.createTempFile("netdicom-store-", ".raw");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024)) {
                write(data, target, out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            return Files.newInputStream(temp, StandardOpenOption.DELETE_ON_CLOSE);
        });
    }

    private static boolean hasBulkData(Dataset data) {
        for (int tag : data.tags()) {
            if (data.getBulkData(tag) != null) {
                return true;
            }
        }
        return false;
    }

    private static void write(Dataset data, TransferSyntax ts, OutputStream out) throws IOException {
        if (ts.isDeflated()) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true); // raw deflate, PS3.5 A.5
            DeflaterOutputStream deflated = new DeflaterOutputStream(out, deflater, 64 * 1024);
            DicomWriter w = new DicomWriter(deflated);
            w.writeDataset(data, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            w.flush();
            deflated.finish();
            deflater.end();
            return;
        }
        DicomWriter w = new DicomWriter(out);
        w.writeDataset(data, ts);
        w.flush();
    }
}
