package org.netdicom.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.netdicom.core.api.runtime.NetdicomRuntime;
import org.netdicom.core.api.runtime.RuntimeDTO;
import org.netdicom.core.api.runtime.ServerDTO;

/** {@code dicom:servers}: the DICOM servers listening in the container and what they have served. */
@Service
@Command(scope = "dicom", name = "servers", description = "Lists the DICOM servers of the container: address, "
        + "TLS, open associations and the counts since each started")
public class ServersCommand implements Action {

    @Reference
    NetdicomRuntime runtime;

    @Override
    public Object execute() {
        print(runtime.runtimeDTO(), System.out);
        return null;
    }

    static void print(RuntimeDTO report, PrintStream out) {
        ShellTable table = new ShellTable().emptyTableText("No DICOM server is listening");
        table.column("AE title");
        table.column("Bind");
        table.column("Port").alignRight();
        table.column("TLS");
        table.column("State");
        table.column("Open").alignRight();
        table.column("Accepted").alignRight();
        table.column("Rejected").alignRight();
        table.column("Aborted").alignRight();
        table.column("Messages").alignRight();
        table.column("Up").alignRight();
        for (ServerDTO s : report.servers) {
            table.addRow().addContent(s.aeTitle, s.bind, s.port, s.tls ? "yes" : "no", s.state,
                    s.associations.length + "/" + s.maximumAssociations, s.associationsAccepted,
                    s.associationsRejected, s.associationsAborted, s.messagesReceived,
                    Ages.since(s.startedAt, report.timestamp));
        }
        table.print(out);
    }
}
