package org.netdicom.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.netdicom.core.api.ServiceClass;
import org.netdicom.core.api.Status;

/**
 * {@code dicom:echo [-aet X] [-aec Y] host port}: a C-ECHO (PS3.4 Annex A, Verification) from the
 * container to a peer, to test that it is reachable and accepts our AE title.
 */
@Service
@Command(scope = "dicom", name = "echo", description = "Sends a C-ECHO to a DICOM peer and prints its status "
        + "and the round trip time")
public class EchoCommand implements Action {

    /** PS3.4 A.4: the Verification SOP Class; PS3.5 10.1: Implicit VR Little Endian, which every peer accepts. */
    static final String VERIFICATION = "1.2.840.10008.1.1";
    static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";

    @Option(name = "-aet", aliases = "--calling-aet", description = "Our (calling) AE title")
    String callingAeTitle = "NETDICOM";

    @Option(name = "-aec", aliases = "--called-aet", description = "The peer's (called) AE title")
    String calledAeTitle = "ANY-SCP";

    @Option(name = "-t", aliases = "--timeout", description = "Seconds to wait for the peer at each step")
    int timeoutSeconds = 10;

    @Argument(index = 0, name = "host", required = true, description = "The peer's host name or address")
    String host;

    @Argument(index = 1, name = "port", required = true, description = "The peer's port")
    int port;

    @Override
    public Object execute() {
        echo(System.out);
        return null;
    }

    /** Prints the outcome; true if the peer answered Success. */
    boolean echo(PrintStream out) {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        ApplicationEntity ae = new ApplicationEntity(callingAeTitle)
                .addRequestedContext(VERIFICATION, IMPLICIT_VR_LITTLE_ENDIAN)
                .acseTimeout(timeout).dimseTimeout(timeout).networkTimeout(timeout);
        String peer = calledAeTitle + "@" + host + ":" + port;
        long start = System.nanoTime();
        try (Association association = ae.associate(host, port, calledAeTitle)) {
            Status status = association.echo();
            long millis = (System.nanoTime() - start) / 1_000_000;
            out.printf("C-ECHO %s -> %s: %s (0x%04X, %s) in %d ms%n", callingAeTitle, peer, status.category(),
                    status.code(), status.meaning(ServiceClass.VERIFICATION), millis);
            return status.code() == Status.SUCCESS.code();
        } catch (IOException | RuntimeException e) {
            out.printf("C-ECHO %s -> %s failed: %s%n", callingAeTitle, peer, e.getMessage());
            return false;
        }
    }
}
