package org.netdicom.tools.scu;

import java.util.Locale;

import org.netdicom.core.api.Association;
import org.netdicom.core.api.PresentationContext;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.ToolException;

import org.netdicom.tools.common.ToolCommand;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A requestor tool: it calls {@code host port} as {@code -aet} and asks for {@code -aec}. */
abstract class ScuCommand extends ToolCommand {

    @Option(names = {"-aet", "--calling-aet"}, paramLabel = "AETITLE",
            description = "Our (calling) AE title (default: the tool's name in capitals, e.g. ECHOSCU).")
    String callingAe;

    @Option(names = {"-aec", "--called-aet"}, paramLabel = "AETITLE",
            description = "The peer's (called) AE title (default: ${DEFAULT-VALUE}).")
    String calledAe = "ANY-SCP";

    @Parameters(index = "0", paramLabel = "HOST", description = "The peer's host name or address.")
    String host;

    @Parameters(index = "1", paramLabel = "PORT", description = "The peer's TCP port.")
    int port;

    /** -aet, or the tool's name in capitals as DCMTK does (ECHOSCU, STORESCU...). */
    protected String callingAe() {
        return callingAe != null ? callingAe : name().toUpperCase(Locale.ROOT);
    }

    /**
     * Fails with exit code 3 when the peer accepted no context for {@code sopClass} (it does not
     * offer the service), naming the SOP class.
     */
    protected void requireAccepted(Association association, String sopClass) throws ToolException {
        for (PresentationContext pc : association.acceptedContexts()) {
            if (pc.abstractSyntax().equals(sopClass)) {
                return;
            }
        }
        association.abort();
        String name = UidRegistry.nameOf(sopClass);
        throw new ToolException(ExitCodes.ASSOCIATION, peer() + " does not offer " + (name == null ? sopClass : name)
                + " (no presentation context accepted)");
    }

    protected String peer() {
        return calledAe + "@" + host + ":" + port;
    }
}
