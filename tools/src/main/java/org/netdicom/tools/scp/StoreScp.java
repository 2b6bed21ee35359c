package org.netdicom.tools.scp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.event.EventType;
import org.netdicom.tools.common.TransferSyntaxNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * storescp: a Storage SCP (PS3.4 B) writing each instance to {@code -od} as
 * {@code <SOP Instance UID>.dcm}, durably, and answering C-ECHO too.
 */
@Command(name = "storescp", mixinStandardHelpOptions = true, versionProvider = org.netdicom.tools.VersionProvider.class,
        description = "A Storage SCP: writes received instances to a folder until Ctrl-C.", sortOptions = false,
        footer = {"", "Examples:",
                "  netdicom storescp -od received 11112",
                "  netdicom storescp -aet ARCHIVE --require-called-aet -od /data/in --prefer-ts explicit 104"})
public final class StoreScp extends ScpCommand {

    @Parameters(index = "0", paramLabel = "PORT", description = "The TCP port to listen on.")
    int port;

    private static final String VERIFICATION = "1.2.840.10008.1.1";

    @Option(names = {"-od", "--output-directory"}, paramLabel = "FOLDER",
            description = "Where instances are written (default: .).")
    Path outputFolder = Path.of(".");

    @Option(names = "--prefer-ts", paramLabel = "TS",
            description = "Accepted transfer syntaxes in order of preference; repeatable (default: uncompressed, "
                    + "Explicit VR LE first, then every compressed one).")
    List<String> preferred = new ArrayList<>();

    @Option(names = "--spool-dir", paramLabel = "FOLDER",
            description = "Where large instances are received before their rename (default: FOLDER/.spool, same disk).")
    Path spoolFolder;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected int run() throws Exception {
        InstanceFolder instances = new InstanceFolder(outputFolder, line -> note(name() + ": " + line));
        Path spool = spoolFolder != null ? spoolFolder : outputFolder.resolve(".spool");
        Files.createDirectories(spool);
        ApplicationEntity ae = acceptor()
                .addSupportedContext(VERIFICATION, TransferSyntaxNames.EXPLICIT, TransferSyntaxNames.IMPLICIT)
                .addSupportedContexts(ServiceClass.STORAGE, StorageSyntaxes.accepted(preferred))
                .addSupportedContexts(ServiceClass.NON_PATIENT_OBJECT_STORAGE, StorageSyntaxes.accepted(preferred))
                .spoolDirectory(spool);
        return serve(ae, EventBindings.of(EventType.EVT_C_STORE, instances), () -> {
            if (spoolFolder == null) {
                try {
                    Files.deleteIfExists(spool); // only if empty
                } catch (java.io.IOException notEmpty) {
                    // a spool file of an aborted transfer; leave it
                }
            }
            note(name() + ": " + instances.stored() + " instances stored, " + instances.failed() + " failed");
        });
    }
}
