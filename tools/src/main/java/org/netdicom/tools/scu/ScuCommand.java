package org.netdicom.tools.scu;

import java.util.Locale;

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

    protected String peer() {
        return calledAe + "@" + host + ":" + port;
    }
}
