package org.netdicom.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.LogHandlerLevel;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.data.Dataset;

/**
 * The engine with the store as it runs by default (each new instance's row written after its
 * response): associations sending the same instances at once, over real sockets.
 */
class ConcurrentAssociationsTest {

    private static final String EXPLICIT = "1.2.840.10008.1.2.1";

    @TempDir
    Path dir;
    private AssociationServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void underRejectEachInstanceIsStoredOnceAndEveryOtherCopyIsADuplicate() throws Exception {
        MemoryIndex index = new MemoryIndex();
        FileStore store = new FileStore(StorageSettings.of(dir.resolve("storage")).withFsync(false)
                .withDuplicates(DuplicatePolicy.REJECT), index);
        server = new ApplicationEntity("ARCHIVE").logHandlerLevel(LogHandlerLevel.NONE)
                .addSupportedContext(Instances.CT, EXPLICIT).spoolDirectory(Files.createDirectories(dir.resolve("spool")))
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EventType.EVT_C_STORE, store));
        int port = server.localAddress().getPort();
        int associations = 6;
        int instances = 25;
        Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(associations);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int a = 0; a < associations; a++) {
                int first = a * 7; // each association starts elsewhere in the same list
                sent.add(pool.submit(() -> {
                    try (Association association = new ApplicationEntity("SCU" + first).logHandlerLevel(LogHandlerLevel.NONE)
                            .addRequestedContext(Instances.CT, EXPLICIT).associate("127.0.0.1", port, "ARCHIVE")) {
                        for (int i = 0; i < instances; i++) {
                            String uid = "2.25.77." + (first + i) % instances;
                            Dataset d = Instances.image(Instances.CT, uid, "P" + (first + i) % 3, "2.25.78", "2.25.79");
                            statuses.computeIfAbsent(uid, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(association.store(d).status().code());
                        }
                        association.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(instances, statuses.size());
        for (Map.Entry<String, List<Integer>> e : statuses.entrySet()) {
            assertEquals(1, e.getValue().stream().filter(code -> code == 0).count(), e.toString());
            assertEquals(associations - 1, e.getValue().stream().filter(code -> code == FileStore.DUPLICATE).count(),
                    e.toString());
        }
        assertEquals(instances, index.count(), "every instance indexed once its association was released");
        try (Stream<Path> files = Files.walk(dir.resolve("storage"))) {
            assertEquals(instances, files.filter(Files::isRegularFile).count());
        }
        for (var row : index.rows().values()) {
            assertTrue(Files.exists(dir.resolve("storage").resolve(row.path())), row.path());
        }
        assertEquals(0, store.pendingIndexWrites());
    }
}
