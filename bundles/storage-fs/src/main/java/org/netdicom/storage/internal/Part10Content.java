package org.netdicom.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.netdicom.core.api.event.CStoreEvent;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
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

    private final CStoreEvent event;
    private final TransferSyntax received;
    private final TransferSyntax stored;

    /**
     * @param stored the transfer syntax of the file: the received one, or one the
     *               {@link Transcoder} converts it to
     */
    public Part10Content(CStoreEvent event, TransferSyntax stored) {
        this.event = event;
        this.received = UidRegistry.transferSyntaxOrUnknown(event.transferSyntaxUid());
        this.stored = stored;
    }

    /**
     * File Meta Information of the instance: the event's (SOP Class and Instance UID, netdicom's
     * implementation class UID and version name, the AE titles of the sender and receiver) with
     * the transfer syntax of the file.
     */
    public Dataset fileMeta() {
        Dataset meta = event.fileMeta();
        meta.setString(Tag.TRANSFER_SYNTAX_UID, VR.UI, stored.uid());
        return meta;
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
