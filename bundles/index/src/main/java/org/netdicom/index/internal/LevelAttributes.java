package org.netdicom.index.internal;

import org.netdicom.data.Dataset;
import org.netdicom.data.Element;
import org.netdicom.index.QueryLevel;

/**
 * An instance's attributes split by the entity they describe ({@link AttributeLevels}). Each part
 * keeps the instance's Specific Character Set (0008,0005) so that it decodes on its own.
 */
record LevelAttributes(Dataset patient, Dataset study, Dataset series, Dataset instance) {

    static LevelAttributes split(Dataset attributes) {
        int[][] tags = new int[4][attributes.size()];
        int[] counts = new int[4];
        for (Element e : attributes) {
            int tag = e.tag();
            if (tag == Keys.SPECIFIC_CHARACTER_SET) {
                for (int level = 0; level < 4; level++) {
                    tags[level][counts[level]++] = tag;
                }
                continue;
            }
            QueryLevel level = AttributeLevels.of(tag);
            if (level != null) {
                tags[level.ordinal()][counts[level.ordinal()]++] = tag;
            }
        }
        Dataset[] parts = new Dataset[4];
        for (int level = 0; level < 4; level++) {
            int[] own = java.util.Arrays.copyOf(tags[level], counts[level]);
            java.util.Arrays.sort(own);
            parts[level] = attributes.filter(t -> java.util.Arrays.binarySearch(own, t) >= 0);
        }
        return new LevelAttributes(parts[0], parts[1], parts[2], parts[3]);
    }

    /** The attributes of the levels down to {@code level}, merged (the lower level's character set wins). */
    static Dataset merge(Dataset... levels) {
        Dataset merged = new Dataset(64);
        for (Dataset d : levels) {
            if (d != null) {
                merged.merge(d);
            }
        }
        return merged;
    }
}
