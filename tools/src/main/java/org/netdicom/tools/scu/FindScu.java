package org.netdicom.tools.scu;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.DimseResponse;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.api.Status;
import org.netdicom.data.Dataset;
import org.netdicom.data.dict.TransferSyntax;
import org.netdicom.data.dict.Uids;
import org.netdicom.data.io.DicomFile;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.common.TransferSyntaxNames;
import org.netdicom.tools.json.DicomJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * findscu: C-FIND (PS3.4 C.4.1, K.4.1) with keys from -k, printing each match as text (the
 * data bundle's dcmdump style), as DICOM JSON (PS3.18 F.2), or writing it to a file.
 */
@Command(name = "findscu", mixinStandardHelpOptions = true, versionProvider = org.netdicom.tools.VersionProvider.class,
        description = "Queries a DICOM peer with C-FIND.", sortOptions = false,
        footer = {"", "Examples:",
                "  netdicom findscu -aec ARCHIVE -k PatientID=P-1 -k StudyInstanceUID -k StudyDate 127.0.0.1 11112",
                "  netdicom findscu -P -k QueryRetrieveLevel=PATIENT -k 'PatientName=Doe*' -k PatientID --json pacs 104",
                "  netdicom findscu -S -k QueryRetrieveLevel=SERIES -k 0020,000D=1.2.3 -k Modality -X -od out pacs 104",
                "  netdicom findscu -W -k ScheduledProcedureStepSequence[0].Modality=CT -k PatientName pacs 104",
                "  netdicom findscu -aec ARCHIVE pacs 104 query1.dcm query2.dcm",
                "",
                "Without -k QueryRetrieveLevel, -P and -O query PATIENT and -S STUDY. Exit code 4 if the final status is a failure."})
public final class FindScu extends ScuCommand {

    @Mixin
    QueryModel model;

    @Option(names = {"-W", "--worklist"}, description = "Modality Worklist information model.")
    boolean worklist;

    @Option(names = {"-k", "--key"}, paramLabel = "KEY[=VALUE]",
            description = "A query key: keyword or gggg,eeee, optionally =value; sequence paths like Seq[0].Keyword; repeatable.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--json", description = "Print the matches as a JSON array in the DICOM JSON model (PS3.18 F.2).")
    boolean json;

    @Option(names = {"-X", "--extract", "--write"},
            description = "Write each match to a file rsp0001.dcm, rsp0002.dcm... in the -od folder.")
    boolean write;

    @Option(names = {"-od", "--output-directory"}, paramLabel = "FOLDER", description = "Where -X writes (default: .).")
    Path outputFolder = Path.of(".");

    @Option(names = "--cancel", paramLabel = "N", description = "Send C-CANCEL after N matches.")
    int cancelAfter = -1;

    @Parameters(index = "2..*", paramLabel = "QUERYFILE",
            description = "Query files (DICOM data sets, e.g. from dump2dcm): one C-FIND each, -k applied on top.")
    List<Path> queryFiles = new ArrayList<>();

    private int matches;

    @Override
    protected int run() throws Exception {
        model.worklist = worklist;
        QueryModel.Model m = model.model();
        List<Dataset> identifiers = new ArrayList<>();
        if (queryFiles.isEmpty()) {
            identifiers.add(identifier(m, keys));
        }
        for (Path file : queryFiles) {
            Dataset query;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                query = DicomFile.read(in, true).dataset();
            }
            if (m.defaultLevel != null && !query.contains("QueryRetrieveLevel")) {
                query.setString("QueryRetrieveLevel", m.defaultLevel);
            }
            identifiers.add(QueryKeys.apply(query, keys));
        }
        if (write) {
            Files.createDirectories(outputFolder);
        }
        ApplicationEntity ae = applicationEntity(callingAe())
                .addRequestedContext(m.find, TransferSyntaxNames.EXPLICIT, TransferSyntaxNames.IMPLICIT);
        int failures = 0;
        if (json) {
            out().println("[");
        }
        try (Association association = ae.associate(host, port, calledAe)) {
            requireAccepted(association, m.find);
            for (Dataset identifier : identifiers) {
                if (!query(association, identifier, m)) {
                    failures++;
                }
            }
            association.release();
        } finally {
            if (json) {
                out().println("]");
                out().flush();
            }
        }
        return failures > 0 ? ExitCodes.DIMSE_FAILURE : ExitCodes.OK;
    }

    /** One C-FIND, its matches printed as they arrive; false if it ended with a failure status. */
    private boolean query(Association association, Dataset identifier, QueryModel.Model m) throws IOException {
        int before = matches;
        DimseResponse last = null;
        try (ResponseIterator responses = association.find(identifier, m.find)) {
            while (responses.hasNext()) {
                DimseResponse r = responses.next();
                last = r;
                if (r.status().category() != Status.Category.PENDING) {
                    break;
                }
                matches++;
                Dataset match = r.dataSet() == null ? new Dataset() : r.dataSet();
                print(match, matches, r.status());
                if (write) {
                    writeFile(match, matches, m);
                }
                if (matches - before == cancelAfter) {
                    responses.cancel();
                }
            }
        }
        int found = matches - before;
        Status status = last == null ? Status.PROCESSING_FAILURE : last.status();
        String comment = last == null || last.errorComment() == null ? "" : " \"" + last.errorComment() + "\"";
        note(name() + ": " + found + (found == 1 ? " match" : " matches") + ", final status " + status + " "
                + status.meaning(m.find) + comment);
        if (status.category() == Status.Category.FAILURE) {
            error("C-FIND failed: " + status + " " + status.meaning(m.find) + comment);
            return false;
        }
        return true;
    }

    /** The identifier from -k, with the model's default Query/Retrieve Level. */
    static Dataset identifier(QueryModel.Model m, List<String> keys) {
        Dataset identifier = new Dataset();
        if (m.defaultLevel != null) {
            identifier.setString("QueryRetrieveLevel", m.defaultLevel);
        }
        return QueryKeys.apply(identifier, keys);
    }

    private void print(Dataset match, int n, Status status) {
        if (json) {
            out().println((n > 1 ? "," : "") + DicomJson.toJson(match));
        } else if (!write || !quiet()) {
            out().println("# Match " + n + ", status " + status);
            out().print(match);
            out().println();
        }
        out().flush();
    }

    /** rsp0001.dcm as DCMTK's findscu writes it: the match with File Meta Information naming the FIND SOP class. */
    private void writeFile(Dataset match, int n, QueryModel.Model m) throws IOException {
        Path file = outputFolder.resolve(String.format(Locale.ROOT, "rsp%04d.dcm", n));
        Dataset meta = DicomFile.createFileMeta(m.find, Uids.generate(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            DicomFile.write(out, meta, match, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
    }
}
