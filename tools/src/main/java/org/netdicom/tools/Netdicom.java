package org.netdicom.tools;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;

import org.netdicom.tools.scp.EchoScp;
import org.netdicom.tools.scp.QrScp;
import org.netdicom.tools.scp.StoreScp;
import org.netdicom.tools.scu.EchoScu;
import org.netdicom.tools.scu.FindScu;
import org.netdicom.tools.scu.GetScu;
import org.netdicom.tools.scu.MoveScu;
import org.netdicom.tools.scu.StoreScu;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The launcher: {@code netdicom <tool> [options]}. Each tool is a picocli subcommand; a new one is
 * one more class in {@link #TOOLS}.
 */
@Command(name = "netdicom", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "<tool>",
        description = "DICOM network tools on the netdicom engine. Run 'netdicom <tool> --help' for a tool's options.",
        footer = {"", "Exit codes:", "  0 success", "  1 usage: unknown option, missing or bad argument",
                "  2 a file or folder could not be read or written, or a port listened on",
                "  3 no association: connection refused, association rejected or aborted",
                "  4 failure status from the peer (a failed C-STORE, C-FIND, sub-operation...)",
                "  5 timeout: connect, ACSE or DIMSE", "  6 internal error (run with -d for the stack trace)"})
public final class Netdicom implements Runnable {

    /** The tools, in the order {@code netdicom --help} lists them. */
    static final List<Class<?>> TOOLS = List.of(EchoScu.class, StoreScu.class, FindScu.class, GetScu.class,
            MoveScu.class, StoreScp.class, EchoScp.class, QrScp.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a tool: " + String.join(", ",
                spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
        int code = commandLine(out, err, args.length > 0 ? args[0] : null).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The launcher's command line writing results to {@code out} and messages to {@code err}, with
     * netdicom's exit codes: tests run tools in-process through it.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * As {@link #commandLine(PrintWriter, PrintWriter)}, with only the tool named {@code toolName}
     * when there is one (else with all): picocli builds a subcommand's model by reflection over its
     * options and mixins, and for all eight tools that took 0.3 s of a 0.67 s {@code echoscu} run.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String toolName) {
        CommandLine cl = new CommandLine(new Netdicom());
        List<Class<?>> named = TOOLS.stream().filter(t -> t.getAnnotation(Command.class).name().equals(toolName))
                .toList();
        for (Class<?> tool : named.isEmpty() ? TOOLS : named) {
            cl.addSubcommand(tool);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setUsageHelpAutoWidth(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().name() + ": " + ex.getMessage()
                    + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
            failed.getErr().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            failed.getErr().println(failed.getCommandSpec().name() + ": " + ExitCodes.reason(ex));
            if (Boolean.getBoolean("netdicom.debug")) {
                ex.printStackTrace(failed.getErr());
            }
            failed.getErr().flush();
            return ExitCodes.of(ex);
        });
        return cl;
    }
}
