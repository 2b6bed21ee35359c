package org.netdicom.tools.scu;

import java.util.ArrayList;
import java.util.List;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.ResponseIterator;
import org.netdicom.core.api.event.EventType;
import org.netdicom.data.dict.UidEntry;
import org.netdicom.data.dict.UidRegistry;
import org.netdicom.tools.common.TransferSyntaxNames;
import org.netdicom.tools.scp.InstanceFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * getscu: C-GET (PS3.4 C.4.3): the instances come back as C-STORE sub-operations on the same
 * association, for which we propose the SCP role (PS3.7 D.3.3.4) on a context per storage SOP
 * class: the common ones, or those given with --storage-class. The common list is the engine's
 * ({@code ServiceClassRegistry.commonStorageSopClasses}, an internal class: the tools run on the
 * plain classpath, not in OSGi), so that getscu and the engine's own C-GET SCU agree.
 */
@Command(name = "getscu", mixinStandardHelpOptions = true, versionProvider = org.netdicom.tools.VersionProvider.class,
        description = "Retrieves instances with C-GET into a folder.", sortOptions = false,
        footer = {"", "Examples:",
                "  netdicom getscu -aec ARCHIVE -k QueryRetrieveLevel=STUDY -k StudyInstanceUID=1.2.3 -od in 127.0.0.1 11112",
                "  netdicom getscu -P -k QueryRetrieveLevel=PATIENT -k PatientID=P-1 --storage-class CTImageStorage pacs 104",
                "",
                "Exit code 4 if the final status is a failure or any sub-operation failed."})
public final class GetScu extends RetrieveCommand {

    @Option(names = {"-sc", "--storage-class"}, paramLabel = "SOPCLASS",
            description = "Storage SOP class (UID or keyword) to receive; repeatable (default: 60 common ones).")
    List<String> storageClasses = new ArrayList<>();

    @Override
    protected int run() throws Exception {
        QueryModel.Model m = model.model();
        InstanceFolder folder = new InstanceFolder(outputFolder, line -> note(name() + ": " + line));
        String[] syntaxes = TransferSyntaxNames.uids(preferred.isEmpty() ? List.of("explicit", "implicit") : preferred)
                .toArray(String[]::new);
        ApplicationEntity ae = applicationEntity(callingAe())
                .addRequestedContext(m.get, TransferSyntaxNames.EXPLICIT, TransferSyntaxNames.IMPLICIT);
        List<String> classes = storageClasses.isEmpty()
                ? org.netdicom.core.service.ServiceClassRegistry.commonStorageSopClasses()
                : storageClasses.stream().map(GetScu::sopClassUid).toList();
        if (classes.size() > 127) {
            throw new IllegalArgumentException("at most 127 --storage-class fit next to the C-GET context");
        }
        for (String sopClass : classes) {
            ae.addRequestedContext(sopClass, syntaxes).requestRole(sopClass, false, true);
        }
        try (Association association = ae.associate(host, port, calledAe,
                EventBindings.of(EventType.EVT_C_STORE, folder))) {
            requireAccepted(association, m.get);
            ResponseIterator responses = association.get(identifier(m), m.get);
            int code = follow(responses, "C-GET", m.get);
            association.release();
            note(name() + ": " + folder.stored() + " instances written to " + folder.folder());
            return code;
        }
    }

    static String sopClassUid(String name) {
        if (name.matches("[0-9.]+")) {
            return name;
        }
        UidEntry entry = UidRegistry.entryByKeyword(name);
        if (entry == null) {
            throw new IllegalArgumentException("unknown SOP class: " + name);
        }
        return entry.uid();
    }
}
