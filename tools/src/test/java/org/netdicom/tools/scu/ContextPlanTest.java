package org.netdicom.tools.scu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ContextPlanTest {

    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String BIG = "1.2.840.10008.1.2.2";
    private static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.70";

    private static ScannedFile file(String name, String sopClass, String ts) {
        return new ScannedFile(Path.of(name), sopClass, "1.2.3." + name.hashCode(), ts, 100);
    }

    @Test
    void uncompressedFilesOfASopClassShareOneContextWithFallbacks() {
        List<ScannedFile> files = List.of(file("a", CT, IMPLICIT), file("b", CT, BIG), file("c", MR, EXPLICIT));
        List<ContextPlan.Batch> batches = ContextPlan.plan(files, List.of(EXPLICIT, IMPLICIT), false, 128);
        assertEquals(1, batches.size());
        assertEquals(List.of(new ContextPlan.Context(CT, List.of(IMPLICIT, BIG, EXPLICIT)),
                new ContextPlan.Context(MR, List.of(EXPLICIT, IMPLICIT))), batches.get(0).contexts());
        assertEquals(files, batches.get(0).files());
    }

    @Test
    void compressedFilesGetAContextOfTheirOwnSyntaxOnly() {
        List<ScannedFile> files = List.of(file("a", CT, JPEG_LOSSLESS), file("b", CT, EXPLICIT));
        List<ContextPlan.Context> contexts = ContextPlan.plan(files, List.of(EXPLICIT, IMPLICIT), false, 128)
                .get(0).contexts();
        assertEquals(List.of(new ContextPlan.Context(CT, List.of(JPEG_LOSSLESS)),
                new ContextPlan.Context(CT, List.of(EXPLICIT, IMPLICIT))), contexts);
    }

    @Test
    void onlyPreferredSyntaxesAreProposedWhenAsked() {
        List<ContextPlan.Context> contexts = ContextPlan.plan(List.of(file("a", CT, EXPLICIT)), List.of(IMPLICIT), true, 128)
                .get(0).contexts();
        assertEquals(List.of(new ContextPlan.Context(CT, List.of(IMPLICIT))), contexts);
        List<ContextPlan.Context> own = ContextPlan.plan(List.of(file("a", CT, BIG)), List.of(), false, 128)
                .get(0).contexts();
        assertEquals(List.of(new ContextPlan.Context(CT, List.of(BIG))), own);
    }

    @Test
    void moreContextsThanFitAreSplitOverAssociationsWithTheirFiles() {
        List<ScannedFile> files = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            files.add(file("f" + i, "1.2.840.10008.5.1.4.1.1." + (i % 130 + 1000), EXPLICIT));
        }
        List<ContextPlan.Batch> batches = ContextPlan.plan(files, List.of(EXPLICIT), false, 128);
        assertEquals(2, batches.size());
        assertEquals(128, batches.get(0).contexts().size());
        assertEquals(2, batches.get(1).contexts().size());
        assertEquals(300, batches.get(0).files().size() + batches.get(1).files().size());
        for (ContextPlan.Batch b : batches) {
            List<String> classes = b.contexts().stream().map(ContextPlan.Context::abstractSyntax).toList();
            b.files().forEach(f -> assertEquals(true, classes.contains(f.sopClassUid()), f.toString()));
        }
    }
}
