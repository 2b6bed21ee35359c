package org.netdicom.core.config;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
    void listensUntilDeactivated() throws IOException {
        int port = freePort();
        NodeComponent node = new NodeComponent(Map.of());

        node.activate(config("NETDICOM", port));
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
    void staysActiveWithoutServerWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            NodeComponent node = new NodeComponent(Map.of());

            node.activate(config("NETDICOM", taken.getLocalPort()));

            assertNull(node.server());
            node.deactivate();
        }
    }

    @Test
    void invalidAeTitleStartsNothingAndACorrectedConfigurationStarts() throws IOException {
        int port = freePort();
        NodeComponent node = new NodeComponent(Map.of());

        node.activate(config("MUCH_TOO_LONG_AE_TITLE", port));
        assertNull(node.server());

        node.modified(config("FIXED", port));
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

        node.activate(config("NETDICOM", 1));
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
        node.activate(config("NETDICOM", port));
        try {
            var running = node.server();

            node.modified(config("NETDICOM", port));

            assertSame(running, node.server());
        } finally {
            node.deactivate();
        }
    }

    @Test
    void invalidUpdateLeavesTheRunningServerAsItWas() throws IOException {
        int port = freePort();
        NodeComponent node = new NodeComponent(Map.of());
        node.activate(config("NETDICOM", port));
        try {
            var running = node.server();

            node.modified(config("BAD\\TITLE", port));

            assertSame(running, node.server());
            new Socket(InetAddress.getLoopbackAddress(), port).close();
        } finally {
            node.deactivate();
        }
    }
}
