package org.netdicom.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.config.NodeSettings.InvalidSettingException;
import org.slf4j.LoggerFactory;

class RunningServerTest {

    private final RunningServer running = new RunningServer(LoggerFactory.getLogger(RunningServerTest.class), "test");

    @AfterEach
    void stop() {
        running.stop();
    }

    private static ServerSettings settings(String aet, int port) throws InvalidSettingException {
        return ServerSettings.parse("test", Map.of("aet", aet, "port", Integer.toString(port), "bind", "127.0.0.1"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void unchangedSettingsLeaveTheServerAndItsAssociationsAlone() throws Exception {
        int port = freePort();
        running.start(settings("ONE", port));
        AssociationServer first = running.server();
        assertNotNull(first);

        running.apply(settings("ONE", port));

        assertSame(first, running.server());
    }

    @Test
    void changedSettingsRestartIt() throws Exception {
        int port = freePort();
        running.start(settings("ONE", port));
        AssociationServer first = running.server();

        running.apply(settings("TWO", port));

        assertNotSame(first, running.server());
        assertEquals("TWO", running.server().aeTitle());
        assertEquals(port, running.server().localAddress().getPort());
    }

    @Test
    void invalidSettingsKeepTheRunningServer() throws Exception {
        running.start(settings("ONE", freePort()));
        AssociationServer first = running.server();

        running.apply(null); // what the component passes when the new settings did not parse

        assertSame(first, running.server());
        assertEquals("ONE", running.settings().applicationEntity().aeTitle());
    }

    @Test
    void aPortInUseStartsNothingAndStopsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            running.start(settings("ONE", taken.getLocalPort()));

            assertNull(running.server());
            assertNull(running.settings());
        }
    }

    @Test
    void stoppingEndsIt() throws Exception {
        running.start(settings("ONE", freePort()));

        running.stop();

        assertNull(running.server());
        assertNull(running.settings());
    }
}
