package org.netdicom.tools.scu;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    private Path touch(String relative) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }

    @Test
    void foldersAreWalkedRecursivelyInNameOrder() throws Exception {
        Path b = touch("study/b.dcm");
        Path a = touch("study/a.dcm");
        Path deep = touch("study/series/c.dcm");
        Path single = touch("single.dcm");
        assertEquals(List.of(a, b, deep, single),
                InputFiles.collect(List.of(dir.resolve("study").toString(), single.toString()), w -> fail(w)));
    }

    @Test
    void globPatternsMatchFromTheirFixedFolder() throws Exception {
        Path a = touch("in/a.dcm");
        touch("in/a.txt");
        Path deep = touch("in/x/b.dcm");
        assertEquals(List.of(a), InputFiles.collect(List.of(dir + "/in/*.dcm"), w -> fail(w)));
        assertEquals(List.of(a, deep), InputFiles.collect(List.of(dir + "/in/**.dcm"), w -> fail(w)));
        List<String> warnings = new ArrayList<>();
        assertEquals(List.of(), InputFiles.collect(List.of(dir + "/in/*.nothing"), warnings::add));
        assertEquals(1, warnings.size());
    }

    @Test
    void aMissingFileIsAnError() {
        assertThrows(NoSuchFileException.class,
                () -> InputFiles.collect(List.of(dir.resolve("missing.dcm").toString()), w -> { }));
    }
}
