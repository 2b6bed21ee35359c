package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The core bundle in a plain OSGi framework (Felix + SCR + Config Admin): a node comes up from
 * the {@code org.netdicom.node} configuration, answers DCMTK's C-ECHO, closes its port when the
 * bundle stops, and survives an invalid configuration.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreBundleIT {

    private static final String PID = "org.netdicom.node";
    private static final String CORE_BSN = "org.netdicom.core";
    private static final long STARTUP_SECONDS = 20;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return FrameworkOptions.coreWithScrAndConfigAdmin();
    }

    /** Port of the valid configuration that each test starts with. */
    private int port;

    /**
     * Configures a free loopback port before the core starts, so the node never falls back to
     * its default 0.0.0.0:11112 (which a developer's running node may hold).
     */
    @Before
    public void startCoreWithFreshConfiguration() throws Exception {
        port = Ports.free();
        configure("NETDICOM", port);
        Bundle core = coreBundle();
        core.start();
        assertEquals("core bundle state", Bundle.ACTIVE, core.getState());
    }

    @After
    public void stopCore() throws Exception {
        coreBundle().stop();
    }

    @Test
    public void answersEchoOnConfiguredPort() throws Exception {
        assertTrue("node did not listen on port " + port + " within " + STARTUP_SECONDS + " s",
                Ports.awaitListening(port, STARTUP_SECONDS, TimeUnit.SECONDS));
        EchoScu.Result echo = EchoScu.echo("NETDICOM", Ports.LOOPBACK, port);
        assertEquals(echo.toString(), 0, echo.exitCode());
        assertTrue(echo.toString(), echo.succeeded());
    }

    @Test
    public void stoppingCoreBundleClosesPort() throws Exception {
        assertTrue("node did not listen on port " + port,
                Ports.awaitListening(port, STARTUP_SECONDS, TimeUnit.SECONDS));

        coreBundle().stop();

        // Bundle.stop returns after deactivation, so the port must be closed already.
        assertConnectionRefused(port);
    }

    @Test
    public void aeTitleOfSeventeenCharactersOpensNoPortAndKeepsBundleActive() throws Exception {
        rejectsInvalidAeTitleThenRecovers("ABCDEFGHIJKLMNOPQ");
    }

    @Test
    public void aeTitleWithBackslashOpensNoPortAndKeepsBundleActive() throws Exception {
        rejectsInvalidAeTitleThenRecovers("NET\\DICOM");
    }

    private void rejectsInvalidAeTitleThenRecovers(String invalidAet) throws Exception {
        int rejectedPort = Ports.free();
        configure(invalidAet, rejectedPort);

        assertTrue("node listened on port " + rejectedPort + " with invalid AE title '" + invalidAet + "'",
                Ports.staysClosed(rejectedPort, 3, TimeUnit.SECONDS));
        assertEquals("core bundle state after invalid AE title", Bundle.ACTIVE, coreBundle().getState());

        int validPort = Ports.free();
        configure("NETDICOM", validPort);
        assertTrue("node did not recover with a valid configuration on port " + validPort,
                Ports.awaitListening(validPort, STARTUP_SECONDS, TimeUnit.SECONDS));
        EchoScu.Result echo = EchoScu.echo("NETDICOM", Ports.LOOPBACK, validPort);
        assertTrue(echo.toString(), echo.succeeded());
    }

    private void configure(String aet, int port) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("aet", aet);
        properties.put("port", port);
        properties.put("bind", Ports.LOOPBACK);
        // "?" binds the configuration to whichever bundle asks for the PID first (the core).
        configAdmin.getConfiguration(PID, "?").update(properties);
    }

    private Bundle coreBundle() {
        for (Bundle bundle : context.getBundles()) {
            if (CORE_BSN.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + CORE_BSN + " is not installed");
    }

    private static void assertConnectionRefused(int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.LOOPBACK, port), 2000);
            throw new AssertionError("port " + port + " still accepts connections after the core bundle stopped");
        } catch (ConnectException expected) {
            // refused: nothing listens any more
        }
    }
}
