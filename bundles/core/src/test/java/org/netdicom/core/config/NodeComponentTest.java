package org.netdicom.core.config;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeComponentTest {

    private static NodeConfig config(String aet, int port) {
        return NodeConfigs.of(aet, Integer.toString(port), "127.0.0.1");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void spoolsInAFolderOfItsOwnUnderNetdicomDataAndDeletesItsLeftoversAtStart(@TempDir Path data) throws IOException {
        int port = freePort();
        Path own = data.resolve("spool").resolve(SpoolFiles.hostName() + "-" + port);
        Path otherNode = data.resolve("spool").resolve("other-host-" + port);
        Files.createDirectories(own);
        Files.createDirectories(otherNode);
        Path leftover = Files.writeString(own.resolve("netdicom-crashed.part"), "x");
        Path othersInFlight = Files.writeString(otherNode.resolve("netdicom-busy.part"), "x");
        NodeComponent node = new NodeComponent(Map.of("NETDICOM_DATA", data.toString()));

        node.activate(config("NETDICOM", port), Map.of());
        try {
            assertEquals(own, node.spoolDirectory());
            assertFalse(Files.exists(leftover), "what a crash of this node left is gone");
            assertTrue(Files.exists(othersInFlight), "another node's spool is left alone");
        } finally {
            node.deactivate();
        }
    }

    @Test
    void listensUntilDeactivated() throws IOException {
        int port = freePort();
        NodeComponent node = new NodeComponent(Map.of());

        node.activate(config("NETDICOM", port), Map.of());
        try {
            assertNotNull(node.server());
            assertEquals(port, node.server().localAddress().getPort());
            new Socket(InetAddress.getLoopbackAddress(), port).close();
        } finally {
            node.deactivate();
        }
        assertNull(node.server());
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }

    @Test
    void servesTheConfiguredContextsAndAcceptsTheScpRoleForStorage() throws IOException {
        int port = freePort();
        NodeComponent node = new NodeComponent(Map.of());
        node.activate(config("NETDICOM", port), Map.of("contexts", "verification, storage, query-retrieve"));
        String ct = "1.2.840.10008.5.1.4.1.1.2";
        try (var a = new org.netdicom.core.api.ApplicationEntity("SCU")
                .addRequestedContext(ct, "1.2.840.10008.1.2.1")
                .addRequestedContext("1.2.840.10008.5.1.4.1.2.2.3", "1.2.840.10008.1.2.1") // Study Root GET
                .requestRole(ct, true, true)
                .associate("127.0.0.1", port, "NETDICOM")) {
            assertEquals(2, a.acceptedContexts().size(), "storage and Q/R contexts accepted");
            // no handler is bound: the storage context is there, the C-STORE is refused by status
            assertEquals(0xA700, a.store(new org.netdicom.data.Dataset()
                    .setString(0x00080016, org.netdicom.data.VR.UI, ct)
                    .setString(0x00080018, org.netdicom.data.VR.UI, "1.2.3.4"), "1.2.840.10008.1.2.1").status().code());
        } finally {
            node.deactivate();
        }
    }

    @Test
    void staysActiveWithoutServerWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NodeComponent node = new NodeComponent(Map.of());

            node.activate(config("NETDICOM", taken.getLocalPort()), Map.of());

            assertNull(node.server());
            node.deactivate();
        }
    }

    @Test
    void invalidAeTitleStartsNothingAndACorrectedConfigurationStarts() throws IOException {
        int port = freePort();
        NodeComponent node = new NodeComponent(Map.of());

        node.activate(config("MUCH_TOO_LONG_AE_TITLE", port), Map.of());
        assertNull(node.server());

        node.modified(config("FIXED", port), Map.of());
        try {
            assertNotNull(node.server());
            assertEquals("FIXED", node.server().aeTitle());
        } finally {
            node.deactivate();
        }
    }

    @Test
    void environmentOverridesTheConfiguredPort() throws IOException {
        int port = freePort();
        NodeComponent node = new NodeComponent(Map.of("NETDICOM_PORT", Integer.toString(port)));

        node.activate(config("NETDICOM", 1), Map.of());
        try {
            assertEquals(port, node.server().localAddress().getPort());
        } finally {
            node.deactivate();
        }
    }

    @Test
    void unchangedConfigurationKeepsTheRunningServer() throws IOException {
        int port = freePort();
        NodeComponent node = new NodeComponent(Map.of());
        node.activate(config("NETDICOM", port), Map.of());
        try {
            var running = node.server();

            node.modified(config("NETDICOM", port), Map.of());

            assertSame(running, node.server());
        } finally {
            node.deactivate();
        }
    }

    @Test
    void invalidUpdateLeavesTheRunningServerAsItWas() throws IOException {
        int port = freePort();
        NodeComponent node = new NodeComponent(Map.of());
        node.activate(config("NETDICOM", port), Map.of());
        try {
            var running = node.server();

            node.modified(config("BAD\\TITLE", port), Map.of());

            assertSame(running, node.server());
            new Socket(InetAddress.getLoopbackAddress(), port).close();
        } finally {
            node.deactivate();
        }
    }
}
