package org.netdicom.data.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;
import org.netdicom.data.dict.TransferSyntax;

/**
 * Converts an encoded data set (no File Meta Information) from one transfer syntax to another
 * while it streams, e.g. for a C-STORE SCU whose instance must go out in the transfer syntax the
 * acceptor accepted. Converts between Implicit VR Little Endian, Explicit VR Little Endian,
 * Deflated Explicit VR Little Endian and Explicit VR Big Endian in any direction; a data set whose
 * syntax already is the target is copied unchanged, compressed ones included.
 *
 * <p>Memory does not grow with the data set: elements are converted one at a time through a
 * 64 KiB buffer, and a value of any size (a 2 GB Pixel Data too) is copied through it in pieces,
 * its binary units (OW, OF, OD, OL, OV, US, SS, UL, SL, FL, FD, AT, SV, UV) byte-swapped on the way
 * when the byte order changes. OB and UN values are never swapped. What changes in the output:
 * <ul>
 * <li>Sequences and items are always written with undefined length and delimiters (PS3.5 7.5.2),
 *     which every syntax allows; their defined lengths would change with the encoding and are
 *     not known before the contents are converted.</li>
 * <li>Group length elements (gggg,0000) are left out (PS3.5 7.2: optional in data sets).</li>
 * <li>Odd value lengths are padded to even (PS3.5 7.1.1).</li>
 * <li>From Implicit VR, the VR comes from the data dictionary (its first VR where it lists
 *     several, e.g. US for US or SS): unknown and private elements become UN with their bytes
 *     unchanged (little endian, PS3.5 6.2.2), an element of undefined length with unknown VR a
 *     sequence, and Pixel Data OB when Bits Allocated of its data set is 8 or less, else OW
 *     (PS3.5 A.2). A value too long for the 16-bit length of its VR is written as UN.</li>
 * <li>To Implicit VR, an element's VR is simply not written: private elements therefore read
 *     back as UN.</li>
 * </ul>
 *
 * <p>Converting to or from a syntax with compressed (encapsulated) or referenced pixel data needs
 * a codec and is refused with an {@link IllegalArgumentException} (see {@link #canTranscode}).
 * Input that is not a valid encoding fails with a {@link DicomFormatException} at the input byte
 * offset (of the inflated bytes for a deflated data set) when the conversion reaches it.
 */
public final class Transcoder {
    private Transcoder() {
    }

    /**
     * True if a data set in {@code from} can be converted to {@code to}: when both are equal (a
     * plain copy), or both are one of the four uncompressed syntaxes this class converts between.
     */
    public static boolean canTranscode(TransferSyntax from, TransferSyntax to) {
        return from.equals(to) || isConvertible(from) && isConvertible(to);
    }

    /**
     * The data set of {@code in}, encoded in {@code from}, as a stream of its encoding in {@code
     * to}, converted as it is read (a pull model: nothing happens until the caller reads). When
     * {@code from} equals {@code to}, {@code in} itself is returned. Closing the returned stream
     * closes {@code in}. A read fails with a {@link DicomFormatException} where the input is
     * malformed or ends early, and every later read fails again with the same exception.
     *
     * @throws IllegalArgumentException if {@link #canTranscode(TransferSyntax, TransferSyntax)} is false
     */
    public static InputStream transcoding(InputStream in, TransferSyntax from, TransferSyntax to) {
        Objects.requireNonNull(in, "in");
        if (from.equals(to)) {
            return in;
        }
        if (!canTranscode(from, to)) {
            throw new IllegalArgumentException("cannot convert a data set from " + from + " to " + to
                    + ": compressed or referenced pixel data would need a codec; only "
                    + TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.name() + ", "
                    + TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.name() + ", "
                    + TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.name() + " and "
                    + TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.name() + " convert into each other");
        }
        InputStream converted = new TranscodingStream(in, from, to);
        return to.isDeflated() ? new Deflating(converted) : converted;
    }

    /**
     * Writes the data set of {@code in}, encoded in {@code from}, to {@code out} encoded in {@code
     * to}, streaming as {@link #transcoding} does. Reads {@code in} to its end; closes neither
     * stream and does not flush {@code out}.
     *
     * @throws IllegalArgumentException if {@link #canTranscode(TransferSyntax, TransferSyntax)} is false
     */
    public static void transcode(InputStream in, TransferSyntax from, OutputStream out, TransferSyntax to)
            throws IOException {
        Objects.requireNonNull(out, "out");
        if (from.equals(to)) {
            in.transferTo(out);
            return;
        }
        InputStream notClosed = new FilterInputStream(Objects.requireNonNull(in, "in")) {
            @Override
            public void close() {
                // the caller owns in; closing the conversion only ends its inflater and deflater
            }
        };
        try (InputStream converted = transcoding(notClosed, from, to)) {
            converted.transferTo(out);
        }
    }

    private static boolean isConvertible(TransferSyntax ts) {
        return ts.equals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN) || ts.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                || ts.equals(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                || ts.equals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
    }

    /** Raw deflate (PS3.5 A.5, no zlib header) of the converted bytes; ends its deflater on close. */
    private static final class Deflating extends DeflaterInputStream {
        Deflating(InputStream in) {
            super(in, new Deflater(Deflater.DEFAULT_COMPRESSION, true), 64 * 1024);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                def.end();
            }
        }
    }
}
