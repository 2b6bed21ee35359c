package org.netdicom.core.interop;

import static org.junit.jupiter.api.Assertions.*;
import static org.netdicom.core.api.event.EventType.EVT_USER_ID;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.handler.UserIdentityHandler;
import org.netdicom.core.api.handler.UserIdentityResult;
import org.netdicom.core.service.StandardContexts;
import org.netdicom.testkit.Dcmtk;

/**
 * User identity negotiation with DCMTK's storescu ({@code -usr}/{@code -pwd}). Our node supports
 * only Verification so far, so an accepted storescu stops at "No Acceptable Presentation Contexts":
 * what matters is whether the association was accepted or rejected.
 */
class UserIdentityInteropIT {

    private AssociationServer server;
    private final List<String> users = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int start() throws Exception {
        UserIdentityHandler passwords = event -> {
            String user = new String(event.primaryField(), StandardCharsets.UTF_8);
            users.add(user + "/" + event.userIdentityType());
            return user.equals("alice") && new String(event.secondaryField(), StandardCharsets.UTF_8).equals("secret")
                    ? UserIdentityResult.accept() : UserIdentityResult.reject();
        };
        server = StandardContexts.addVerification(new ApplicationEntity("NETDICOM"))
                .startServer(new InetSocketAddress("127.0.0.1", 0), EventBindings.of(EVT_USER_ID, passwords));
        return server.localAddress().getPort();
    }

    private static Path ctFile(Path folder) throws Exception {
        Path dump = folder.resolve("ct.txt");
        Files.writeString(dump, "(0008,0016) UI =CTImageStorage\n(0008,0018) UI [1.2.3.4.5]\n"
                + "(0010,0010) PN [Test^Patient]\n");
        Path file = folder.resolve("ct.dcm");
        Dcmtk.Result made = Dcmtk.run("dump2dcm", dump.toString(), file.toString());
        assertEquals(0, made.exitCode(), made.toString());
        return file;
    }

    @Test
    void dcmtkUserWithTheRightPasswordIsAccepted(@TempDir Path folder) throws Exception {
        int port = start();

        Dcmtk.Result result = Dcmtk.run("storescu", "-v", "-to", "10", "-usr", "alice", "-pwd", "secret",
                "-aec", "NETDICOM", "127.0.0.1", Integer.toString(port), ctFile(folder).toString());

        assertFalse(result.output().contains("Association Rejected"), result.toString());
        assertTrue(result.output().contains("No Acceptable Presentation Contexts"), result.toString());
        assertEquals(List.of("alice/2"), users);
    }

    @Test
    void dcmtkUserWithAWrongPasswordIsRejected(@TempDir Path folder) throws Exception {
        int port = start();

        Dcmtk.Result result = Dcmtk.run("storescu", "-v", "-to", "10", "-usr", "alice", "-pwd", "guess",
                "-aec", "NETDICOM", "127.0.0.1", Integer.toString(port), ctFile(folder).toString());

        assertNotEquals(0, result.exitCode(), result.toString());
        assertTrue(result.output().contains("Association Rejected"), result.toString());
        assertEquals(List.of("alice/2"), users);
    }
}
