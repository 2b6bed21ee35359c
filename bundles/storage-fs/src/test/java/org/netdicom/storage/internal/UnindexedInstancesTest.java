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

        assertEquals(List.of("1", "2"), keys(pending.takeAll()));
        assertEquals(0, pending.size());
    }

    @Test
    void entriesPutBackGoAheadOfTheOnesAddedSinceAndBeyondTheCapacityAreDropped() {
        UnindexedInstances pending = new UnindexedInstances(3);
        pending.add(entry("1"));
        pending.add(entry("2"));
        pending.add(entry("3"));
        List<UnindexedInstances.Entry> taken = pending.takeAll();
        pending.add(entry("4")); // a store that failed while the others were tried

        assertEquals(1, pending.putBack(taken), "one too many: the oldest goes to the reconciliation");
        assertEquals(List.of("2", "3", "4"), keys(pending.takeAll()));
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
        assertEquals(List.of("2", "1b"), keys(pending.takeAll()));
    }
}
