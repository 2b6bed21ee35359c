package org.netdicom.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netdicom.core.api.Status;
import org.netdicom.data.Dataset;

/**
 * The default: Success once the file is durable, the new instance's row right after the response
 * (TestEvent holds the task as the engine does until the response is sent).
 */
class IndexAfterResponseTest {

    @TempDir
    Path root;
    private final MemoryIndex index = new MemoryIndex();

    private FileStore store(DuplicatePolicy duplicates) {
        return new FileStore(StorageSettings.of(root).withDuplicates(duplicates), index);
    }

    private static Dataset version(String uid, String number) {
        Dataset d = Instances.image(Instances.CT, uid, "PAT1", "2.25.100", "2.25.200");
        d.setString("InstanceNumber", number);
        return d;
    }

    @Test
    void theRowOfANewInstanceIsWrittenOnceTheResponseIsSent() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        TestEvent event = TestEvent.of(Instances.image("2.25.1")).holdingTasksUntilResponse();

        StoreResult result = store.store(event);

        assertEquals(Status.SUCCESS, result.status());
        assertTrue(Files.isRegularFile(root.resolve(result.path())), "durable before Success");
        assertEquals(0, index.count(), "no row before the response");
        event.respond();
        assertEquals(result.path(), index.rows().get("2.25.1").path());
    }

    @Test
    void aSecondStoreOfTheInstanceWaitsForTheFirstsRow() throws Exception {
        // Until its row is written the first store keeps the instance's lock: the second store's
        // duplicate check must see the row, not store the instance again as new.
        FileStore store = store(DuplicatePolicy.REJECT);
        TestEvent first = TestEvent.of(version("2.25.2", "1")).holdingTasksUntilResponse();
        assertEquals(Status.SUCCESS, store.store(first).status());

        StoreThread second = new StoreThread(store, resend("2.25.2")).awaitParked();
        assertTrue(second.isAlive(), "the second store waits for the first one's row");
        first.respond();

        assertEquals(Status.of(FileStore.DUPLICATE), second.result().status());
        assertEquals("1", index.rows().get("2.25.2").attributes().getString("InstanceNumber"));
    }

    @ParameterizedTest(name = "unchecked {0}")
    @ValueSource(booleans = {false, true})
    void aRowTheIndexRefusesAfterTheResponseIsWrittenOnAnotherTryAndTheFileStays(boolean unchecked)
            throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        TestEvent event = TestEvent.of(Instances.image("2.25.3")).holdingTasksUntilResponse();
        StoreResult result = store.store(event);
        if (unchecked) {
            index.brokenPuts(true);
        } else {
            index.failingPuts(true);
        }

        event.respond();

        assertEquals(Status.SUCCESS, result.status());
        assertTrue(Files.isRegularFile(root.resolve(result.path())), "acknowledged: the file stays");
        assertEquals(1, store.pendingIndexWrites());
        assertEquals(0, store.indexPending(), "the index still fails");
        assertEquals(1, store.pendingIndexWrites());

        index.brokenPuts(false).failingPuts(false);
        assertEquals(1, store.indexPending());
        assertEquals(0, store.pendingIndexWrites());
        assertEquals(result.path(), index.rows().get("2.25.3").path());
    }

    @Test
    void aPendingRowIsDroppedWhenTheInstanceWasStoredAgainSince() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        index.failingPuts(true);
        store.store(TestEvent.of(version("2.25.4", "1"))); // stored, its row refused
        index.failingPuts(false);

        StoreResult again = store.store(TestEvent.of(version("2.25.4", "2"))); // same path, new file, indexed
        assertEquals(Status.SUCCESS, again.status());

        assertEquals(0, store.indexPending(), "the earlier row would describe a file that is gone");
        assertEquals(0, store.pendingIndexWrites());
        assertEquals("2", index.rows().get("2.25.4").attributes().getString("InstanceNumber"));
    }

    @Test
    void aStoreThatFailsWritesNoRowAfterTheResponse() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        TestEvent event = TestEvent.of(Instances.image("2.25.5")).failingAfterPlacing().holdingTasksUntilResponse();

        StoreResult result = store.store(event);
        event.respond();

        assertEquals(Status.of(FileStore.WRITE_FAILED), result.status());
        assertEquals(0, index.count());
        assertEquals(0, store.pendingIndexWrites());
    }

    @Test
    void aRowWrittenByAnotherThreadThanTheStoresLeavesNothingLocked() throws Exception {
        // A handler may call store() on a worker thread; the task then runs where the response went
        FileStore store = store(DuplicatePolicy.REJECT);
        TestEvent event = TestEvent.of(version("2.25.6", "1")).holdingTasksUntilResponse();
        StoreResult first = CompletableFuture.supplyAsync(() -> store.store(event)).get(10, TimeUnit.SECONDS);
        assertEquals(Status.SUCCESS, first.status());

        event.respond(); // on this thread

        assertEquals("1", index.rows().get("2.25.6").attributes().getString("InstanceNumber"));
        CompletableFuture<StoreResult> again = CompletableFuture.supplyAsync(() -> {
            try {
                return store.store(TestEvent.of(version("2.25.6", "2")));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(Status.of(FileStore.DUPLICATE), again.get(10, TimeUnit.SECONDS).status(), "nothing left locked");
    }

    @Test
    void aResendWhileTheRowWaitsIsADuplicateNotANewInstance() throws IOException {
        FileStore store = store(DuplicatePolicy.REJECT);
        index.failingPuts(true);
        assertEquals(Status.SUCCESS, store.store(TestEvent.of(version("2.25.7", "1"))).status()); // its row waits
        index.failingPuts(false);

        StoreResult resend = store.store(TestEvent.of(version("2.25.7", "2")));

        assertEquals(Status.of(FileStore.DUPLICATE), resend.status());
        assertEquals(1, store.indexPending());
        assertEquals("1", index.rows().get("2.25.7").attributes().getString("InstanceNumber"));
    }

    @Test
    void aWaitingRowDoesNotOverwriteTheRowOfACorrectedResend() throws IOException {
        // Stored as PAT1, its row refused; resent with the Patient ID corrected: the new file and
        // its row win, the earlier file goes, and the waiting row is dropped
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        index.failingPuts(true);
        StoreResult first = store.store(TestEvent.of(version("2.25.8", "1")));
        index.failingPuts(false);
        Dataset corrected = Instances.image(Instances.CT, "2.25.8", "PAT2", "2.25.100", "2.25.200");

        StoreResult second = store.store(TestEvent.of(corrected));

        assertEquals(Status.SUCCESS, second.status());
        assertNotEquals(first.path(), second.path());
        assertEquals(0, store.indexPending());
        assertEquals(second.path(), index.rows().get("2.25.8").path());
        assertFalse(Files.exists(root.resolve(first.path())), "the earlier file is replaced");
    }

    @Test
    void aRowTheIndexAlwaysRefusesDoesNotHoldUpTheOthersAndGoesToTheReconciliation() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        storeTwoWhileTheIndexIsAwayThenRefuseTheFirst(store, "2.25.10", "2.25.11");

        assertEquals(1, store.indexPending(), "the other row goes in");
        assertTrue(index.rows().containsKey("2.25.11"));
        for (int i = 1; i < FileStore.MAX_FAILED_TRIES; i++) {
            assertEquals(1, store.pendingIndexWrites());
            assertEquals(0, store.indexPending());
        }
        assertEquals(0, store.pendingIndexWrites(), "dropped: the reconciliation indexes its file");
        assertTrue(Files.exists(root.resolve("PAT1/2.25.100/2.25.200/2.25.10.dcm")), "the file stays");
    }

    @Test
    void whileTheIndexIsAwayNoRowUsesUpItsTries() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        index.failingPuts(true);
        store.store(TestEvent.of(version("2.25.12", "1")));
        for (int i = 0; i < FileStore.MAX_FAILED_TRIES + 2; i++) {
            assertEquals(0, store.indexPending());
        }
        index.failingPuts(false);
        assertEquals(1, store.indexPending());
    }

    @Test
    void aStoreArrivingWhileTheFirstIsStillPlacingItsFileWaitsForTheFirstsRow() throws Exception {
        FileStore store = store(DuplicatePolicy.REJECT);
        CountDownLatch placing = new CountDownLatch(1);
        TestEvent first = TestEvent.of(version("2.25.20", "1")).waitingInStoreFor(placing).holdingTasksUntilResponse();
        StoreThread a = new StoreThread(store, first).awaitParked(); // held in the middle of placing its file
        StoreThread b = new StoreThread(store, resend("2.25.20")).awaitParked();
        placing.countDown();
        assertEquals(Status.SUCCESS, a.result().status());
        b.awaitParked();
        assertTrue(b.isAlive(), "the second waits until the first's row is written, after its response");

        first.respond();

        assertEquals(Status.of(FileStore.DUPLICATE), b.result().status());
        assertEquals("1", index.rows().get("2.25.20").attributes().getString("InstanceNumber"));
    }

    /** A store on a thread of its own, which a test can see wait. */
    private static final class StoreThread extends Thread {
        private final FileStore store;
        private final TestEvent event;
        private volatile StoreResult result;

        StoreThread(FileStore store, TestEvent event) {
            this.store = store;
            this.event = event;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            result = store.store(event);
        }

        /** Once the store waits (for a claim or a gate), or is done. */
        StoreThread awaitParked() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (isAlive() && getState() != State.WAITING && getState() != State.TIMED_WAITING
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return this;
        }

        StoreResult result() throws InterruptedException {
            join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(isAlive(), "the store ended");
            return result;
        }
    }

    private static TestEvent resend(String uid) {
        try {
            return TestEvent.of(version(uid, "2"));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void aRowWaitingForAnotherTryStaysVisibleToTheDuplicateCheckWhileTheRetryRuns() throws IOException {
        FileStore store = store(DuplicatePolicy.REJECT);
        index.failingPuts(true);
        store.store(TestEvent.of(version("2.25.21", "1")));
        store.store(TestEvent.of(version("2.25.22", "1")));
        index.failingPuts(false);
        List<StoreResult> duringRetry = new CopyOnWriteArrayList<>();
        index.beforePut(row -> { // the retry writes 2.25.21 while 2.25.22 is sent again
            if (row.sopInstanceUid().equals("2.25.21") && duringRetry.isEmpty()) {
                duringRetry.add(store.store(resend("2.25.22")));
            }
        });

        assertEquals(2, store.indexPending());

        assertEquals(Status.of(FileStore.DUPLICATE), duringRetry.get(0).status());
        assertEquals("1", index.rows().get("2.25.22").attributes().getString("InstanceNumber"));
    }

    @Test
    void aWaitingRowReplacesARowWhoseFileIsGone() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        store.store(TestEvent.of(version("2.25.23", "1")));
        Files.move(root.resolve("PAT1/2.25.100/2.25.200/2.25.23.dcm"), root.resolve("lost.dcm"));
        index.failingPuts(true);
        Dataset elsewhere = Instances.image(Instances.CT, "2.25.23", "PAT3", "2.25.100", "2.25.200");
        StoreResult again = store.store(TestEvent.of(elsewhere)); // its file is missing: stored as new
        index.failingPuts(false);

        assertEquals(1, store.indexPending());

        assertEquals(again.path(), index.rows().get("2.25.23").path());
    }

    @Test
    void aRowRefusedOnceDoesNotUseUpItsTriesWhileTheIndexIsAway() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        storeTwoWhileTheIndexIsAwayThenRefuseTheFirst(store, "2.25.24", "2.25.25");
        assertEquals(1, store.indexPending()); // 2.25.25 in, 2.25.24 refused once
        index.beforePut(row -> { }).failing(true); // the database goes away: nothing can be read

        for (int i = 0; i < FileStore.MAX_FAILED_TRIES + 2; i++) {
            assertEquals(0, store.indexPending());
        }

        assertEquals(1, store.pendingIndexWrites());
        index.failing(false);
        assertEquals(1, store.indexPending());
    }

    @Test
    void aFileThatReplacedAWaitingOneInPlaceAndIsNotIndexedWaitsInItsPlace() throws IOException {
        FileStore store = store(DuplicatePolicy.OVERWRITE);
        index.failingPuts(true);
        store.store(TestEvent.of(version("2.25.26", "1")));

        StoreResult again = store.store(TestEvent.of(version("2.25.26", "2"))); // same path, its row refused too

        assertEquals(Status.of(FileStore.INDEX_FAILED), again.status());
        index.failingPuts(false);
        assertEquals(1, store.indexPending());
        assertEquals("2", index.rows().get("2.25.26").attributes().getString("InstanceNumber"));
    }

    /**
     * Stores {@code refused} and {@code other} while the index takes no row, then lets it take rows
     * again but for {@code refused}'s, which it refuses (a value it cannot hold).
     */
    private void storeTwoWhileTheIndexIsAwayThenRefuseTheFirst(FileStore store, String refused, String other)
            throws IOException {
        index.failingPuts(true);
        store.store(TestEvent.of(version(refused, "1")));
        store.store(TestEvent.of(version(other, "1")));
        index.failingPuts(false).beforePut(row -> {
            if (row.sopInstanceUid().equals(refused)) {
                throw new IllegalStateException("a value this index cannot take");
            }
        });
    }
}
