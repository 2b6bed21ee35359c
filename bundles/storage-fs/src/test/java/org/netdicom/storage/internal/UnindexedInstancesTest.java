package org.netdicom.storage.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netdicom.index.StoredInstance;
import org.netdicom.storage.Instances;

class UnindexedInstancesTest {

    private static UnindexedInstances.Entry entry(String uid) {
        return new UnindexedInstances.Entry(
                new StoredInstance(Instances.image(uid), uid + ".dcm", 1, "1.2.840.10008.1.2.1", Instant.EPOCH), uid);
    }

    private static List<Object> keys(List<UnindexedInstances.Entry> entries) {
        return entries.stream().map(UnindexedInstances.Entry::fileKey).toList();
    }

    @Test
    void keepsNoMoreThanItsCapacity() {
        UnindexedInstances pending = new UnindexedInstances(2);

        assertTrue(pending.add(entry("1")));
        assertTrue(pending.add(entry("2")));
        assertFalse(pending.add(entry("3")), "left to the reconciliation");

        assertEquals(List.of("1", "2"), keys(pending.snapshot()));
        assertEquals(2, pending.size(), "a snapshot takes nothing away");
    }

    @Test
    void anEntryIsRemovedOrUpdatedOnlyWhileItIsStillItsInstances() {
        UnindexedInstances pending = new UnindexedInstances(3);
        UnindexedInstances.Entry first = entry("1");
        pending.add(first);
        pending.add(entry("2"));
        UnindexedInstances.Entry later = new UnindexedInstances.Entry(first.row(), "1 again");
        pending.add(later); // a later store of the instance failed too

        pending.remove(first);
        pending.update(first, new UnindexedInstances.Entry(first.row(), "1", 3));
        assertEquals(List.of("2", "1 again"), keys(pending.snapshot()), "the later entry stays");

        pending.update(later, new UnindexedInstances.Entry(later.row(), "1 again", 1));
        assertEquals(1, pending.snapshot().get(1).failedTries());
        pending.remove(pending.snapshot().get(1));
        assertEquals(List.of("2"), keys(pending.snapshot()));
    }

    @Test
    void anInstanceWaitsOnceWithItsLatestRowAndItsPathIsKnown() {
        UnindexedInstances pending = new UnindexedInstances(2);
        pending.add(entry("1"));
        pending.add(entry("2"));
        UnindexedInstances.Entry again = new UnindexedInstances.Entry(
                new StoredInstance(Instances.image("1"), "elsewhere/1.dcm", 1, "1.2.840.10008.1.2.1", Instant.EPOCH), "1b");

        assertTrue(pending.add(again), "replaces its earlier entry, even when full");

        assertEquals(2, pending.size());
        assertEquals(java.util.Optional.of("elsewhere/1.dcm"), pending.pathOf("1"));
        assertEquals(java.util.Optional.empty(), pending.pathOf("3"));
        assertEquals(List.of("2", "1b"), keys(pending.snapshot()));
    }
}
