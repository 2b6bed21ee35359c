package org.netdicom.bench.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.netdicom.data.Dataset;
import org.netdicom.data.Tag;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.io.DicomFile;
import org.netdicom.data.io.ReadOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse and write throughput (ops/s; bench/data-bench.sh turns them into MB/s with the file
 * sizes) of the files {@link SampleFiles} wrote into {@code dir}: (a) the CT image and (b) the
 * 10,000 elements parsed from and written to memory, (a) also parsed from its file with the pixel
 * data left on disk, (c) the header of the 100 MB multi-frame
 * file parsed from disk up to Pixel Data, whose value is never read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DataCodecBenchmark {
    @Param("target/bench-data")
    public String dir;

    private byte[] ct;
    private byte[] elements;
    private Dataset ctDataset;
    private Dataset elementsDataset;
    private Path multiframe;
    private Path ctFile;
    private final Sink sink = new Sink();

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path d = Path.of(dir);
        if (!Files.exists(d.resolve(SampleFiles.CT))) {
            SampleFiles.main(new String[] {dir});
        }
        ctFile = d.resolve(SampleFiles.CT);
        ct = Files.readAllBytes(ctFile);
        elements = Files.readAllBytes(d.resolve(SampleFiles.ELEMENTS));
        ctDataset = DicomFile.read(new ByteArrayInputStream(ct), false).dataset();
        elementsDataset = DicomFile.read(new ByteArrayInputStream(elements), false).dataset();
        multiframe = d.resolve(SampleFiles.MULTIFRAME);
        long pixelOffset = headerOnly();
        if (pixelOffset <= 0 || Files.size(multiframe) - pixelOffset < 100_000_000L) {
            throw new IllegalStateException("header parse read " + pixelOffset + " bytes: pixel data not skipped");
        }
    }

    @Benchmark
    public Dataset a_parseCt() throws IOException {
        return DicomFile.read(ct, ReadOptions.DEFAULT).dataset();
    }

    /** (a) from the file with Pixel Data left there as a reference (pydicom: {@code defer_size}). */
    @Benchmark
    public Dataset a_parseCtPixelsOnDisk() throws IOException {
        return DicomFile.read(ctFile, 64 * 1024).dataset();
    }

    @Benchmark
    public long a_writeCt() throws IOException {
        return write(ctDataset);
    }

    @Benchmark
    public Dataset b_parseElements() throws IOException {
        return DicomFile.read(elements, ReadOptions.DEFAULT).dataset();
    }

    @Benchmark
    public long b_writeElements() throws IOException {
        return write(elementsDataset);
    }

    /** Returns the bytes consumed, which stop at the Pixel Data header. */
    @Benchmark
    public long c_parseHeaderOfMultiframe() throws IOException {
        return headerOnly();
    }

    private long headerOnly() throws IOException {
        try (Counting in = new Counting(Files.newInputStream(multiframe))) {
            Dataset d = DicomFile.read(in, false, Tag.PIXEL_DATA).dataset();
            if (d.getInt("NumberOfFrames", 0) != SampleFiles.FRAMES) {
                throw new IllegalStateException("header not read");
            }
            return in.count;
        }
    }

    private long write(Dataset d) throws IOException {
        sink.count = 0;
        DicomFile.write(sink, DicomFile.createFileMeta(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), d,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return sink.count;
    }

    /**
     * Copies every byte into a reused array, like writing to memory (pydicom writes to a BytesIO):
     * the pixel data are copied once, not just counted.
     */
    private static final class Sink extends OutputStream {
        byte[] bytes = new byte[1 << 20];
        int count;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + len));
            }
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }
    }

    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
