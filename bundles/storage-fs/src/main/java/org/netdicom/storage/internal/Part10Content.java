package org.netdicom.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.event.CStoreEvent;
import org.netdicom.data.Dataset;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.Transcoder;

/**
 * The bytes of the Part 10 file of a received instance: preamble, {@code DICM}, File Meta
 * Information (PS3.10 7.1) and the data set as received, or converted to another uncompressed
 * transfer syntax as it streams.
 */
public final class Part10Content implements DurableFiles.Content {

    /** (0002,0016): the AE that wrote the content; the peer that sent it, as DCMTK and dcm4che record. */
    static final int SOURCE_APPLICATION_ENTITY_TITLE = 0x00020016;
    /** (0002,0017): the AE that sent the content over the network. */
    static final int SENDING_APPLICATION_ENTITY_TITLE = 0x00020017;
    /** (0002,0018): the AE that received it. */
    static final int RECEIVING_APPLICATION_ENTITY_TITLE = 0x00020018;

    private final CStoreEvent event;
    private final String sopClassUid;
    private final String sopInstanceUid;
    private final TransferSyntax received;
    private final TransferSyntax stored;

    /**
     * @param sopClassUid    the SOP Class UID, checked to be the request's and the data set's
     * @param sopInstanceUid the SOP Instance UID, likewise
     * @param stored the transfer syntax of the file: the received one, or one the
     *               {@link Transcoder} converts it to
     */
    public Part10Content(CStoreEvent event, String sopClassUid, String sopInstanceUid, TransferSyntax stored) {
        this.event = event;
        this.sopClassUid = sopClassUid;
        this.sopInstanceUid = sopInstanceUid;
        this.received = UidRegistry.transferSyntaxOrUnknown(event.transferSyntaxUid());
        this.stored = stored;
    }

    /**
     * File Meta Information of the instance: version 00\01, Media Storage SOP Class and Instance UID, transfer syntax of the file, netdicom's implementation class UID and version
     * name (group length computed when written), and the AE titles of the sender and receiver.
     */
    public Dataset fileMeta() {
        Dataset meta = DicomFile.createFileMeta(sopClassUid, sopInstanceUid, stored);
        Association association = event.association();
        if (association != null) {
            // on a C-GET's sub-operation the requestor receives: the peer is then the called AE
            String sender = association.isAcceptor() ? association.callingAeTitle() : association.calledAeTitle();
            String receiver = association.isAcceptor() ? association.calledAeTitle() : association.callingAeTitle();
            setAeTitle(meta, SOURCE_APPLICATION_ENTITY_TITLE, sender);
            setAeTitle(meta, SENDING_APPLICATION_ENTITY_TITLE, sender);
            setAeTitle(meta, RECEIVING_APPLICATION_ENTITY_TITLE, receiver);
        }
        return meta;
    }

    private static void setAeTitle(Dataset meta, int tag, String aeTitle) {
        if (aeTitle != null && !aeTitle.isBlank()) {
            meta.setString(tag, VR.AE, aeTitle.strip());
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        DicomFile.writeHeader(out, fileMeta());
        try (InputStream in = event.encodedDataSet()) {
            if (received.equals(stored)) {
                in.transferTo(out);
            } else {
                Transcoder.transcode(in, received, out, stored);
            }
        }
    }
}
