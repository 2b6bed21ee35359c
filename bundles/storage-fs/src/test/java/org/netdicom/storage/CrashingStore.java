package org.netdicom.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.VR;
import org.netdicom.data.dict.TransferSyntax;

/**
 * A JVM that stores one large instance, converting it to Implicit VR Little Endian, and stops in
 * the middle of writing it, for {@link CrashIT}
 * to kill: prints {@value #WRITING} once half the data set is in the temporary file, then waits.
 */
public final class CrashingStore {

    static final String WRITING = "writing";

    private CrashingStore() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        Dataset d = Instances.image(Instances.CT, "2.25.555", "CRASH", "2.25.556", "2.25.557");
        d.setBytes(Tag.PIXEL_DATA, VR.OW, new byte[4 << 20]);
        byte[] encoded = Instances.encode(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        TestEvent event = new TestEvent(Instances.CT, "2.25.555", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, encoded) {
            private int opened;

            @Override
            public InputStream encodedDataSet() {
                InputStream in = super.encodedDataSet();
                if (++opened == 1) {
                    return in; // the header
                }
                return new FilterInputStream(in) {
                    private long read;

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (read > encoded.length / 2) {
                            System.out.println(WRITING);
                            System.out.flush();
                            try {
                                Thread.sleep(60_000); // killed here
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            throw new IOException("not killed");
                        }
                        int n = super.read(b, off, Math.min(len, 64 * 1024));
                        read += Math.max(n, 0);
                        return n;
                    }
                };
            }
        };
        // converted as it is written: the store writes the file itself (kept as received, the
        // engine's spool file would be renamed into place; itests' CrashRecoveryIT kills that path)
        new FileStore(StorageSettings.of(root).withTransferSyntax(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()),
                new MemoryIndex()).store(event);
    }
}
