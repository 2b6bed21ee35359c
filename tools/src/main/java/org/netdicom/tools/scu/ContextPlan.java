package org.netdicom.tools.scu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netdicom.tools.common.TransferSyntaxNames;

/**
 * The presentation contexts storescu proposes for its files, and how they are split over
 * associations. Per SOP class, one context carries every uncompressed transfer syntax: the files'
 * own, then the fallbacks (Explicit, then Implicit VR Little Endian by default), since the engine
 * converts between uncompressed syntaxes as it sends. Each compressed syntax gets a context of its
 * own, with that syntax only (no codec here to decompress). An association carries at most 128
 * contexts (PS3.8 9.3.2.2: odd IDs 1 to 255), so more are spread over several associations, each
 * file going with its context.
 */
final class ContextPlan {

    /** The most presentation contexts one A-ASSOCIATE-RQ can carry. */
    static final int MAX_CONTEXTS = 128;

    /** A context to propose. */
    record Context(String abstractSyntax, List<String> transferSyntaxes) {
    }

    /** One association: its contexts and the files it sends, in the order given. */
    record Batch(List<Context> contexts, List<ScannedFile> files) {
    }

    private ContextPlan() {
    }

    /**
     * @param fallbacks uncompressed syntaxes proposed next to the files' own, in order; empty: the
     *                  files' own only
     * @param onlyFallbacks propose the fallbacks only, not the files' own uncompressed syntaxes
     *                  (the engine converts)
     */
    static List<Batch> plan(List<ScannedFile> files, List<String> fallbacks, boolean onlyFallbacks, int maxContexts) {
        Map<String, Context> contexts = new LinkedHashMap<>();
        Map<String, List<String>> uncompressed = new LinkedHashMap<>();
        for (ScannedFile f : files) {
            String key = keyOf(f);
            if (TransferSyntaxNames.isUncompressed(f.transferSyntaxUid())) {
                List<String> syntaxes = uncompressed.computeIfAbsent(key, k -> new ArrayList<>());
                if (!onlyFallbacks && !syntaxes.contains(f.transferSyntaxUid())) {
                    syntaxes.add(f.transferSyntaxUid());
                }
                contexts.putIfAbsent(key, null);
            } else {
                contexts.putIfAbsent(key, new Context(f.sopClassUid(), List.of(f.transferSyntaxUid())));
            }
        }
        for (Map.Entry<String, List<String>> e : uncompressed.entrySet()) {
            List<String> syntaxes = e.getValue();
            for (String ts : fallbacks) {
                if (!syntaxes.contains(ts)) {
                    syntaxes.add(ts);
                }
            }
            String sopClass = e.getKey().substring(0, e.getKey().indexOf('|'));
            contexts.put(e.getKey(), new Context(sopClass, List.copyOf(syntaxes)));
        }

        List<Batch> batches = new ArrayList<>();
        List<String> keys = new ArrayList<>(contexts.keySet());
        for (int from = 0; from < keys.size(); from += maxContexts) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + maxContexts));
            List<Context> batchContexts = new ArrayList<>();
            Set<String> inBatch = new HashSet<>(chunk);
            for (String key : chunk) {
                batchContexts.add(contexts.get(key));
            }
            List<ScannedFile> batchFiles = new ArrayList<>();
            for (ScannedFile f : files) {
                if (inBatch.contains(keyOf(f))) {
                    batchFiles.add(f);
                }
            }
            batches.add(new Batch(batchContexts, batchFiles));
        }
        return batches;
    }

    /** Files of a SOP class share one context when uncompressed, else one per transfer syntax. */
    private static String keyOf(ScannedFile f) {
        return f.sopClassUid() + (TransferSyntaxNames.isUncompressed(f.transferSyntaxUid())
                ? "|uncompressed" : "|" + f.transferSyntaxUid());
    }
}
