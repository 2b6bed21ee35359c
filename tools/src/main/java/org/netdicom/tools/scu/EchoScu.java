package org.netdicom.tools.scu;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.Status;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.common.TransferSyntaxNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** echoscu: C-ECHO (PS3.4 A, Verification) on one association, repeated as asked. */
@Command(name = "echoscu", mixinStandardHelpOptions = true, versionProvider = org.netdicom.tools.VersionProvider.class,
        description = "Verifies a DICOM peer with C-ECHO.", sortOptions = false,
        footer = {"", "Examples:",
                "  netdicom echoscu 127.0.0.1 11112",
                "  netdicom echoscu -aec ARCHIVE -r 5 pacs.example.org 104",
                "  netdicom echoscu --tls-trust ca.pem --tls-key me.p12 --tls-key-pass secret pacs 2762"})
public final class EchoScu extends ScuCommand {

    private static final String VERIFICATION = "1.2.840.10008.1.1";

    @Option(names = {"-r", "--repeat"}, paramLabel = "N", description = "Send N C-ECHO requests (default: ${DEFAULT-VALUE}).")
    int repeat = 1;

    @Override
    protected int run() throws Exception {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, not " + repeat);
        }
        ApplicationEntity ae = applicationEntity(callingAe())
                .addRequestedContext(VERIFICATION, TransferSyntaxNames.IMPLICIT, TransferSyntaxNames.EXPLICIT);
        int failed = 0;
        try (Association association = ae.associate(host, port, calledAe)) {
            requireAccepted(association, VERIFICATION);
            for (int i = 1; i <= repeat; i++) {
                Status status = association.echo();
                if (!status.isSuccess()) {
                    failed++;
                }
                result("C-ECHO " + i + "/" + repeat + " to " + peer() + ": " + status + " "
                        + status.meaning(ServiceClass.VERIFICATION));
            }
            association.release();
        }
        if (failed > 0) {
            error(failed + " of " + repeat + " C-ECHO requests did not succeed");
            return ExitCodes.DIMSE_FAILURE;
        }
        return ExitCodes.OK;
    }
}
