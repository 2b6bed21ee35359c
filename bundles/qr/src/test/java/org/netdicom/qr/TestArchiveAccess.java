package org.netdicom.qr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.netdicom.data.Dataset;
import org.netdicom.index.IndexException;
import org.netdicom.index.InstanceIndex;

/** {@link TestArchive} for the tests of other packages. */
public final class TestArchiveAccess implements AutoCloseable {

    private final TestArchive archive;

    private TestArchiveAccess(TestArchive archive) {
        this.archive = archive;
    }

    public static TestArchiveAccess standard(Path root) throws IOException {
        return new TestArchiveAccess(new TestArchive(root).standard());
    }

    public InstanceIndex index() {
        return archive.index;
    }

    public Path root() {
        return archive.root;
    }

    public Path fileOf(String sopInstanceUid) throws IndexException {
        return archive.fileOf(sopInstanceUid);
    }

    /** The data set of instance {@code uid} as written. */
    public Dataset dataset(String uid) {
        return archive.instances.stream().filter(d -> uid.equals(d.getString(0x00080018))).findFirst().orElseThrow();
    }

    /** The UIDs of the instances of {@code study} (and {@code series}, if not null). */
    public Set<String> uids(String study, String series) {
        Set<String> uids = new TreeSet<>();
        for (Dataset d : archive.instances) {
            if (study.equals(d.getString("StudyInstanceUID"))
                    && (series == null || series.equals(d.getString("SeriesInstanceUID")))) {
                uids.add(d.getString(0x00080018));
            }
        }
        return uids;
    }

    @Override
    public void close() {
        archive.index.close();
    }
}
