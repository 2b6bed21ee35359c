package org.netdicom.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.Association;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Servers from factory configurations {@code org.netdicom.server}: each starts, restarts and stops
 * with its own configuration and leaves the others (and their associations) alone; an invalid
 * change leaves a running server as it was.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServerConfigurationIT {

    private static final String FACTORY = "org.netdicom.server";
    private static final String VERIFICATION = "1.2.840.10008.1.1";

    @Inject
    private BundleContext context;
    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return FrameworkOptions.coreWithScrAndConfigAdmin();
    }

    @Before
    public void startCore() throws Exception {
        // the default node on a free port, so it never takes a developer's 11112
        Dictionary<String, Object> node = new Hashtable<>();
        node.put("port", Ports.free());
        node.put("bind", Ports.LOOPBACK);
        configAdmin.getConfiguration("org.netdicom.node", "?").update(node);
        for (Bundle b : context.getBundles()) {
            if ("org.netdicom.core".equals(b.getSymbolicName())) {
                b.start();
            }
        }
    }

    @After
    public void deleteConfigurations() throws Exception {
        var all = configAdmin.listConfigurations("(service.factoryPid=" + FACTORY + ")");
        if (all != null) {
            for (var c : all) {
                c.delete();
            }
        }
    }

    private org.osgi.service.cm.Configuration server(String name, Object... kv) throws Exception {
        org.osgi.service.cm.Configuration c = configAdmin.getFactoryConfiguration(FACTORY, name, "?");
        update(c, kv);
        return c;
    }

    private static void update(org.osgi.service.cm.Configuration c, Object... kv) throws Exception {
        Dictionary<String, Object> p = new Hashtable<>();
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        c.update(p);
    }

    private static Association open(String aet, int port) throws Exception {
        return new ApplicationEntity("SCU").addRequestedContext(VERIFICATION, "1.2.840.10008.1.2")
                .associate(Ports.LOOPBACK, port, aet);
    }

    private static void assertEchoes(String aet, int port) throws Exception {
        assertTrue(aet + " does not listen on " + port, Ports.awaitListening(port, 20, TimeUnit.SECONDS));
        try (Association a = open(aet, port)) {
            assertEquals(0, a.echo().code());
        }
    }

    @Test
    public void eachConfigurationIsAServerOfItsOwn() throws Exception {
        int portA = Ports.free();
        int portB = Ports.free();
        org.osgi.service.cm.Configuration a = server("a", "aet", "SERVER_A", "port", String.valueOf(portA),
                "bind", Ports.LOOPBACK);
        server("b", "aet", "SERVER_B", "port", String.valueOf(portB), "bind", Ports.LOOPBACK);
        assertEchoes("SERVER_A", portA);
        assertEchoes("SERVER_B", portB);

        try (Association onB = open("SERVER_B", portB)) {
            int movedA = Ports.free();
            update(a, "aet", "SERVER_A", "port", String.valueOf(movedA), "bind", Ports.LOOPBACK);
            assertEchoes("SERVER_A", movedA);
            assertTrue("old port of A closed", Ports.awaitClosed(portA, 5, TimeUnit.SECONDS));
            assertEquals("B's association survived A's restart", 0, onB.echo().code());

            update(a, "aet", "SERVER_A", "port", "not-a-port", "bind", Ports.LOOPBACK);
            Thread.sleep(500);
            assertEchoes("SERVER_A", movedA); // the invalid change left it running

            a.delete();
            assertTrue("A stopped with its configuration", Ports.awaitClosed(movedA, 10, TimeUnit.SECONDS));
            assertEquals("B untouched", 0, onB.echo().code());
        }
    }

    @Test
    public void aStorageServerFromConfigurationAcceptsStorageContexts() throws Exception {
        int port = Ports.free();
        server("store", "aet", "STORE", "port", String.valueOf(port), "bind", Ports.LOOPBACK,
                "contexts", "verification,storage", "transfer.syntaxes", "1.2.840.10008.1.2");
        assertTrue(Ports.awaitListening(port, 20, TimeUnit.SECONDS));
        try (Association a = new ApplicationEntity("SCU").addRequestedContext("1.2.840.10008.5.1.4.1.1.4",
                "1.2.840.10008.1.2").associate(Ports.LOOPBACK, port, "STORE")) {
            assertEquals(1, a.acceptedContexts().size());
        }
    }
}
