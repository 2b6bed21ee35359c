package org.netdicom.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.netdicom.core.api.runtime.AssociationDTO;
import org.netdicom.core.api.runtime.NetdicomRuntime;
import org.netdicom.core.api.runtime.RuntimeDTO;
import org.netdicom.core.api.runtime.ServerDTO;

/** {@code dicom:associations}: the associations open on every server, oldest first. */
@Service
@Command(scope = "dicom", name = "associations", description = "Lists the associations open on the DICOM "
        + "servers of the container: peer AE title and address, age, accepted presentation contexts")
public class AssociationsCommand implements Action {

    @Reference
    NetdicomRuntime runtime;

    @Override
    public Object execute() {
        print(runtime.runtimeDTO(), System.out);
        return null;
    }

    static void print(RuntimeDTO report, PrintStream out) {
        ShellTable table = new ShellTable().emptyTableText("No association is open");
        table.column("Server");
        table.column("Calling AE");
        table.column("Called AE");
        table.column("Peer");
        table.column("State");
        table.column("Age").alignRight();
        table.column("Contexts").alignRight();
        for (ServerDTO s : report.servers) {
            for (AssociationDTO a : s.associations) {
                table.addRow().addContent(s.aeTitle + ":" + s.port, a.callingAeTitle, a.calledAeTitle,
                        a.remoteAddress + ":" + a.remotePort, a.established ? "established" : "negotiating",
                        Ages.since(a.established ? a.establishedAt : a.connectedAt, report.timestamp),
                        a.acceptedContexts);
            }
        }
        table.print(out);
    }
}
