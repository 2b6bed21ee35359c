package org.netdicom.tools.scu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.SubOperations;
import org.netdicom.data.Dataset;
import org.netdicom.tools.ExitCodes;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What getscu and movescu share: the model, the -k keys, the output folder, and reading the
 * responses of a retrieve with their sub-operation counts (PS3.4 C.4.2.1.6, C.4.3.1.3).
 */
abstract class RetrieveCommand extends ScuCommand {

    @Mixin
    QueryModel model;

    @Option(names = {"-k", "--key"}, paramLabel = "KEY[=VALUE]",
            description = "A key identifying what to retrieve: keyword or gggg,eeee =value; repeatable.")
    List<String> keys = new ArrayList<>();

    @Option(names = {"-od", "--output-directory"}, paramLabel = "FOLDER",
            description = "Where received instances are written as <SOP Instance UID>.dcm (default: .).")
    Path outputFolder = Path.of(".");

    @Option(names = "--prefer-ts", paramLabel = "TS",
            description = "Transfer syntaxes we accept for received instances, in order; repeatable (default: explicit, implicit).")
    List<String> preferred = new ArrayList<>();

    protected Dataset identifier(QueryModel.Model m) {
        return FindScu.identifier(m, keys);
    }

    /** Reads every response, telling the counts as they change; returns the exit code from the last one. */
    protected int follow(ResponseIterator responses, String operation, String sopClass) {
        DimseResponse last = null;
        while (responses.hasNext()) {
            DimseResponse r = responses.next();
            last = r;
            SubOperations counts = r.subOperations();
            if (r.status().category() == Status.Category.PENDING && counts != null) {
                note(name() + ": " + counts(counts));
            }
        }
        if (last == null) {
            error(operation + ": no response");
            return ExitCodes.DIMSE_FAILURE;
        }
        Status status = last.status();
        SubOperations counts = last.subOperations();
        String comment = last.errorComment() == null ? "" : " \"" + last.errorComment() + "\"";
        result(name() + ": final status " + status + " " + status.meaning(sopClass) + comment
                + (counts == null ? "" : "; " + counts(counts)));
        if (status.category() == Status.Category.FAILURE || status.category() == Status.Category.CANCEL
                || counts != null && counts.failed() > 0) {
            error(operation + " did not complete: " + status + " " + status.meaning(sopClass) + comment
                    + (counts != null && counts.failed() > 0 ? ", " + counts.failed() + " sub-operations failed" : ""));
            return ExitCodes.DIMSE_FAILURE;
        }
        return ExitCodes.OK;
    }

    private static String counts(SubOperations c) {
        return (c.remaining() >= 0 ? c.remaining() + " remaining, " : "") + c.completed() + " completed, "
                + c.failed() + " failed, " + c.warning() + " warning";
    }
}
