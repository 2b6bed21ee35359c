package org.netdicom.core.interop;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.testkit.Dcmtk;

/**
 * SCP/SCU role selection with DCMTK's getscu, which proposes the SCP role for every storage class so
 * that C-GET can send it C-STORE sub-operations. What DCMTK reads from our A-ASSOCIATE-AC is checked
 * in its debug output.
 */
class RoleSelectionInteropIT {

    private static final String STUDY_ROOT_GET = "1.2.840.10008.5.1.4.1.2.2.3";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";

    private AssociationServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String getscuAgainst(boolean acceptScu, boolean acceptScp) throws Exception {
        server = new ApplicationEntity("NETDICOM")
                .addSupportedContext(STUDY_ROOT_GET, EXPLICIT, IMPLICIT)
                .addSupportedContext(CT, EXPLICIT, IMPLICIT)
                .acceptRoles(CT, acceptScu, acceptScp)
                .startServer(new InetSocketAddress("127.0.0.1", 0));
        Dcmtk.Result result = Dcmtk.run("getscu", "-d", "-S", "-to", "10", "-aec", "NETDICOM",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=1.2.3",
                "127.0.0.1", Integer.toString(server.localAddress().getPort()));
        assertTrue(result.output().contains("Association Accepted"), result.toString());
        return result.output();
    }

    /** The A-ASSOCIATE-AC section of getscu's debug dump for the CT Image Storage context. */
    private static String ctContextInAc(String output) {
        String ac = output.substring(output.indexOf("BEGIN A-ASSOCIATE-AC"));
        Matcher m = Pattern.compile("Context ID: +\\d+ \\(([^)]*)\\)\\s+D: +Abstract Syntax: =CTImageStorage\\s+"
                + "D: +Proposed SCP/SCU Role: (\\S+)\\s+D: +Accepted SCP/SCU Role: (\\S+)").matcher(ac);
        assertTrue(m.find(), "no CT context in the AC dump:\n" + ac);
        return m.group(1) + " / proposed " + m.group(2) + " / accepted " + m.group(3);
    }

    @Test
    void acceptsTheScpRoleGetscuProposes() throws Exception {
        String output = getscuAgainst(false, true);

        assertEquals("Accepted / proposed SCP / accepted SCP", ctContextInAc(output));
    }

    @Test
    void rejectsTheContextWhenTheProposedRoleIsRefused() throws Exception {
        String output = getscuAgainst(true, false);

        assertEquals("User Rejection / proposed SCP / accepted None", ctContextInAc(output));
    }
}
