package org.netdicom.tools.scu;

import java.net.InetSocketAddress;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.event.EventType;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.ToolException;
import org.netdicom.tools.common.TransferSyntaxNames;
import org.netdicom.tools.scp.InstanceFolder;
import org.netdicom.tools.scp.StorageSyntaxes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * movescu: C-MOVE (PS3.4 C.4.2): the peer sends the instances to the AE -aem on new associations.
 * With --port (DCMTK's +P), movescu receives them itself: it listens as -aet on that port, which the
 * peer must know as the move destination, and writes them to -od.
 */
@Command(name = "movescu", mixinStandardHelpOptions = true, versionProvider = org.netdicom.tools.VersionProvider.class,
        description = "Moves instances with C-MOVE to an AE, or to itself with --port.", sortOptions = false,
        footer = {"", "Examples:",
                "  netdicom movescu -aec ARCHIVE -aem WORKSTATION -k QueryRetrieveLevel=STUDY -k StudyInstanceUID=1.2.3 pacs 104",
                "  netdicom movescu -aet ME -aec ARCHIVE --port 11113 -od in -k PatientID=P-1 pacs 104",
                "",
                "Exit code 4 if the final status is a failure (A801: the peer does not know -aem) or any sub-operation failed."})
public final class MoveScu extends RetrieveCommand {

    @Option(names = {"-aem", "--move-destination"}, paramLabel = "AETITLE",
            description = "The AE the instances go to (default: -aet, ourselves).")
    String moveDestination;

    @Option(names = {"--port", "+P"}, paramLabel = "PORT",
            description = "Receive the instances here: listen on PORT as -aet and write them to -od.")
    Integer receivePort;

    @Override
    protected int run() throws Exception {
        QueryModel.Model m = model.model();
        String destination = moveDestination != null ? moveDestination : callingAe();
        AssociationServer receiver = receivePort == null ? null : startReceiver();
        try {
            ApplicationEntity ae = applicationEntity(callingAe())
                    .addRequestedContext(m.move, TransferSyntaxNames.EXPLICIT, TransferSyntaxNames.IMPLICIT);
            try (Association association = ae.associate(host, port, calledAe)) {
                requireAccepted(association, m.move);
                ResponseIterator responses = association.move(destination, identifier(m), m.move);
                int code = follow(responses, "C-MOVE to " + destination, m.move);
                association.release();
                return code;
            }
        } finally {
            if (receiver != null) {
                receiver.close();
            }
        }
    }

    private AssociationServer startReceiver() throws Exception {
        InstanceFolder folder = new InstanceFolder(outputFolder, line -> note(name() + ": " + line));
        String[] syntaxes = StorageSyntaxes.accepted(preferred);
        ApplicationEntity scp = applicationEntity(callingAe())
                .addSupportedContexts(ServiceClass.STORAGE, syntaxes)
                .addSupportedContexts(ServiceClass.NON_PATIENT_OBJECT_STORAGE, syntaxes);
        try {
            return scp.startServer(new InetSocketAddress(receivePort), EventBindings.of(EventType.EVT_C_STORE, folder));
        } catch (java.net.BindException e) {
            throw new ToolException(ExitCodes.IO, "cannot listen on port " + receivePort + ": " + e.getMessage(), e);
        }
    }
}
