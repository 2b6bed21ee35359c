package org.netdicom.core.service;

import org.netdicom.data.Dataset;
import org.netdicom.data.Sequence;

/**
 * What Composite Instance Retrieve Without Bulk Data leaves out of each instance it sends (PS3.4
 * Annex Z): pixel data of all kinds, spectroscopy data, overlay, curve and audio sample data,
 * encapsulated documents, and the waveform data of each Waveform Sequence item.
 */
final class BulkDataRemoval {

    /** Values from this size on stay in the file while an instance file is read for removal. */
    static final long THRESHOLD = 64 * 1024;

    private static final int WAVEFORM_SEQUENCE = 0x54000100;
    private static final int WAVEFORM_DATA = 0x54001010;

    private BulkDataRemoval() {
    }

    /** A copy of {@code instance} without its bulk data elements. */
    static Dataset apply(Dataset instance) {
        Dataset kept = instance.filter(tag -> !isBulkData(tag));
        Sequence waveforms = kept.getSequence(WAVEFORM_SEQUENCE);
        if (waveforms != null) {
            for (Dataset item : waveforms) {
                item.remove(WAVEFORM_DATA);
            }
        }
        return kept;
    }

    static boolean isBulkData(int tag) {
        int group = tag >>> 16;
        int element = tag & 0xFFFF;
        boolean repeatingGroup50 = (group & 0xFF01) == 0x5000; // 5000-501E, even: curves and audio (retired)
        boolean repeatingGroup60 = (group & 0xFF01) == 0x6000; // 6000-601E, even: overlays
        return tag == 0x7FE00010 // Pixel Data
                || tag == 0x7FE00008 // Float Pixel Data
                || tag == 0x7FE00009 // Double Float Pixel Data
                || tag == 0x56000020 // Spectroscopy Data
                || tag == 0x00420011 // Encapsulated Document
                || (repeatingGroup60 && element == 0x3000) // Overlay Data
                || (repeatingGroup50 && (element == 0x3000 || element == 0x200C)); // Curve Data, Audio Sample Data
    }
}
