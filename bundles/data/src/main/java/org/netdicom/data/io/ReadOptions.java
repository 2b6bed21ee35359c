package org.netdicom.data.io;

/**
 * How {@link DicomFile#read(java.io.InputStream, ReadOptions)} reads: start from
 * {@link #DEFAULT} and change what is needed, e.g.
 * {@code ReadOptions.DEFAULT.stopBefore(Tag.PIXEL_DATA).strict(true)}.
 *
 * @param allowBareDataset accept a data set without preamble and meta information
 * @param stopBefore stop before the first top-level element with this tag or greater; -1 reads all
 * @param bulkDataThreshold values of at least this many bytes go to {@code bulkDataSink}
 * @param bulkDataSink receives large values (see {@link DicomReader#bulkData}); {@code null}: none
 * @param strict reject odd lengths and wrong VRs (see {@link DicomReader#strict})
 */
public record ReadOptions(boolean allowBareDataset, int stopBefore, long bulkDataThreshold, BulkDataSink bulkDataSink,
        boolean strict) {
    /** Part 10 only, everything read into memory, lenient. */
    public static final ReadOptions DEFAULT = new ReadOptions(false, -1, Long.MAX_VALUE, null, false);

    public ReadOptions allowBareDataset(boolean allow) {
        return new ReadOptions(allow, stopBefore, bulkDataThreshold, bulkDataSink, strict);
    }

    public ReadOptions stopBefore(int tag) {
        return new ReadOptions(allowBareDataset, tag, bulkDataThreshold, bulkDataSink, strict);
    }

    public ReadOptions bulkData(long threshold, BulkDataSink sink) {
        return new ReadOptions(allowBareDataset, stopBefore, threshold, sink, strict);
    }

    public ReadOptions strict(boolean strictMode) {
        return new ReadOptions(allowBareDataset, stopBefore, bulkDataThreshold, bulkDataSink, strictMode);
    }
}
