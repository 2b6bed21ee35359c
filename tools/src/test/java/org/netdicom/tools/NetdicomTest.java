package org.netdicom.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NetdicomTest {

    private final PrintWriter out = new PrintWriter(new StringWriter(), true);

    @Test
    void namingAToolBuildsThatToolAlone() {
        CommandLine cl = Netdicom.commandLine(out, out, "findscu");

        assertEquals(List.of("findscu"), List.copyOf(cl.getSubcommands().keySet()));
    }

    @Test
    void withoutAKnownToolEveryToolIsThereForHelpAndErrors() {
        List<String> all = List.of("echoscu", "storescu", "findscu", "getscu", "movescu", "storescp", "echoscp", "qrscp");

        assertEquals(all, List.copyOf(Netdicom.commandLine(out, out, null).getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Netdicom.commandLine(out, out, "--help").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Netdicom.commandLine(out, out, "bogus").getSubcommands().keySet()));
    }

    @Test
    void theLauncherHelpListsEveryTool() {
        ToolRun.Result help = ToolRun.run("--help");

        assertEquals(0, help.exitCode());
        for (Class<?> tool : Netdicom.TOOLS) {
            String name = tool.getAnnotation(CommandLine.Command.class).name();
            assertTrue(help.out().contains(name), name + " missing from\n" + help.out());
        }
    }
}
