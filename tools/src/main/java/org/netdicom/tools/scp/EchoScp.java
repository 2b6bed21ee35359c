package org.netdicom.tools.scp;

import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CEchoHandler;
import org.netdicom.tools.common.TransferSyntaxNames;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** echoscp: answers C-ECHO (PS3.4 A) with Success, in the foreground. */
@Command(name = "echoscp", mixinStandardHelpOptions = true, versionProvider = org.netdicom.tools.VersionProvider.class,
        description = "A Verification SCP: answers C-ECHO until Ctrl-C.", sortOptions = false,
        footer = {"", "Examples:",
                "  netdicom echoscp 11112",
                "  netdicom echoscp -aet ECHO --require-called-aet --allow-calling MODALITY 11112"})
public final class EchoScp extends ScpCommand {

    @Parameters(index = "0", paramLabel = "PORT", description = "The TCP port to listen on.")
    int port;

    private static final String VERIFICATION = "1.2.840.10008.1.1";

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected int run() throws Exception {
        CEchoHandler echo = e -> {
            note(name() + ": C-ECHO from " + e.association().callingAeTitle() + " at "
                    + e.association().remoteAddress());
            return Status.SUCCESS;
        };
        return serve(acceptor().addSupportedContext(VERIFICATION, TransferSyntaxNames.EXPLICIT, TransferSyntaxNames.IMPLICIT),
                EventBindings.of(EventType.EVT_C_ECHO, echo));
    }
}
