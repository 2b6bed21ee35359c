package org.netdicom.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.core.api.Status;
import org.netdicom.core.api.event.EventType;
import org.netdicom.core.api.handler.CEchoHandler;

class EchoCommandTest {

    private static EchoCommand echo(String calledAet, int port) {
        EchoCommand command = new EchoCommand();
        command.callingAeTitle = "CONSOLE";
        command.calledAeTitle = calledAet;
        command.host = "127.0.0.1";
        command.port = port;
        command.timeoutSeconds = 5;
        return command;
    }

    private static AssociationServer scp() throws Exception {
        return new ApplicationEntity("PEER").addSupportedContext(EchoCommand.VERIFICATION,
                EchoCommand.IMPLICIT_VR_LITTLE_ENDIAN)
                .startServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), EventBindings.none());
    }

    @Test
    void printsSuccessFromAPeerThatAnswersTheEcho() throws Exception {
        try (AssociationServer server = scp()) {
            EchoCommand command = echo("PEER", server.localAddress().getPort());
            boolean[] ok = new boolean[1];
            String out = Printed.by(o -> ok[0] = command.echo(o));
            assertTrue(ok[0], out);
            assertTrue(out.matches("C-ECHO CONSOLE -> PEER@127\\.0\\.0\\.1:\\d+: SUCCESS \\(0x0000, .*\\) in \\d+ ms\\R"),
                    out);
        }
    }

    @Test
    void printsTheStatusAPeerAnswers() throws Exception {
        try (AssociationServer server = scp()) {
            server.bind(EventType.EVT_C_ECHO, (CEchoHandler) e -> new Status(0x0110));
            String out = Printed.by(o -> assertFalse(echo("PEER", server.localAddress().getPort()).echo(o)));
            assertTrue(out.contains("FAILURE (0x0110"), out);
        }
    }

    @Test
    void saysWhyWhenNobodyListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int closed = port;
        String out = Printed.by(o -> assertFalse(echo("PEER", closed).echo(o)));
        assertTrue(out.startsWith("C-ECHO CONSOLE -> PEER@127.0.0.1:" + closed + " failed: "), out);
    }
}
