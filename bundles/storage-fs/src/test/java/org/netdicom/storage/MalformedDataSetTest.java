package org.netdicom.storage;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.data.Dataset;
import org.netdicom.data.dict.TransferSyntax;

/**
 * Data sets damaged at random (seeded, bounded): whatever the bytes, the store answers Success with
 * a file holding exactly those bytes and a row, or a failure with nothing left behind; it never
 * throws and never writes outside the root.
 */
class MalformedDataSetTest {

    @TempDir
    Path root;

    @Test
    void damagedDataSetsAreStoredExactlyOrRefusedWithoutTrace() throws IOException {
        damage(false);
    }

    @Test
    void damagedDataSetsAreConvertedOrRefusedWithoutTrace() throws IOException {
        damage(true);
    }

    private void damage(boolean convert) throws IOException {
        Random random = new Random(20261129);
        Dataset d = Instances.image(Instances.CT, "2.25.42", "PAT", "2.25.43", "2.25.44");
        d.newSequence("ProcedureCodeSequence").addNew().setString("CodeValue", "X");
        TransferSyntax[] syntaxes = {TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN};
        Set<Integer> allowed = Set.of(0x0000, 0xA900, 0xC000);
        int stored = 0;
        for (int i = 0; i < 200; i++) {
            TransferSyntax ts = syntaxes[i % syntaxes.length];
            byte[] bytes = Instances.encode(d, ts);
            int damage = 1 + random.nextInt(4);
            for (int k = 0; k < damage; k++) {
                bytes[random.nextInt(Math.min(bytes.length, 400))] = (byte) random.nextInt(256); // the header
            }
            if (random.nextInt(5) == 0) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)); // truncated
            }
            MemoryIndex index = new MemoryIndex();
            StorageSettings settings = StorageSettings.of(root.resolve("r" + i)).withFsync(false);
            FileStore store = new FileStore(convert ? settings.withTransferSyntax("explicit-le") : settings, index);

            StoreResult result = store.store(new TestEvent(Instances.CT, "2.25.42", ts, bytes));

            assertTrue(allowed.contains(result.status().code()), i + ": " + result);
            List<Path> files = files(root.resolve("r" + i));
            if (result.status().isSuccess()) {
                stored++;
                assertEquals(1, files.size(), i + ": " + files);
                if (!convert || ts.equals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
                    assertArrayEquals(bytes, FileStoreTest.dataSetBytes(files.get(0)), i + ": the bytes as received");
                }
                assertEquals(1, index.count());
            } else {
                assertEquals(List.of(), files, i + ": " + result);
                assertEquals(0, index.count());
            }
        }
        assertTrue(stored > 0 && stored < 200, "some damage is harmless, some not: " + stored);
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
