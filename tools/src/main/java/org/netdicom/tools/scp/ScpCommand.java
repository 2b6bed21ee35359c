package org.netdicom.tools.scp;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.core.api.AssociationServer;
import org.netdicom.core.api.EventBindings;
import org.netdicom.tools.ExitCodes;
import org.netdicom.tools.ToolException;
import org.netdicom.tools.common.ToolCommand;

import picocli.CommandLine.Option;

/**
 * A server tool: listens on {@code port} in the foreground until Ctrl-C (or an interrupt, in
 * tests), then stops accepting, aborts open associations and returns. A C-STORE being written
 * when it stops leaves a complete file or none.
 */
abstract class ScpCommand extends ToolCommand {

    @Option(names = {"-aet", "--aetitle"}, paramLabel = "AETITLE",
            description = "Our AE title (default: the tool's name in capitals, e.g. STORESCP).")
    String aeTitle;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Listen on this address only (default: all).")
    String bind;

    @Option(names = "--require-called-aet",
            description = "Refuse associations whose called AE title is not ours (A-ASSOCIATE-RJ 1/1/7).")
    boolean requireCalledAe;

    @Option(names = "--allow-calling", paramLabel = "AETITLE",
            description = "Accept only this calling AE title; repeatable (default: any).")
    List<String> allowedCalling = new ArrayList<>();

    @Option(names = "--max-associations", paramLabel = "N",
            description = "Associations served at once (default: ${DEFAULT-VALUE}).")
    int maxAssociations = 16;

    /** The TCP port to listen on (a positional parameter of each tool). */
    protected abstract int port();

    protected String aeTitle() {
        return aeTitle != null ? aeTitle : name().toUpperCase(java.util.Locale.ROOT);
    }

    /** An acceptor entity with the server options applied. */
    protected ApplicationEntity acceptor() throws ToolException {
        return applicationEntity(aeTitle()).requireCalledAeTitle(requireCalledAe).allowCallingAeTitles(allowedCalling)
                .maximumAssociations(maxAssociations);
    }

    /** Starts the server and serves until stopped; returns the exit code. */
    protected int serve(ApplicationEntity ae, EventBindings handlers) throws ToolException, IOException {
        return serve(ae, handlers, () -> { });
    }

    /**
     * Starts the server and serves until stopped, then runs {@code farewell} (a summary); returns the
     * exit code. On Ctrl-C the shutdown hook closes the server and waits (a few seconds at most) for
     * the farewell, since the JVM halts when its hooks end.
     */
    protected int serve(ApplicationEntity ae, EventBindings handlers, Runnable farewell) throws ToolException, IOException {
        return serve(ae, handlers, () -> { }, farewell);
    }

    /**
     * As {@link #serve(ApplicationEntity, EventBindings, Runnable)}, running {@code started} once the
     * port is listened on (so a port in use ends the tool with its one line, nothing before it).
     */
    protected int serve(ApplicationEntity ae, EventBindings handlers, Runnable started, Runnable farewell)
            throws ToolException, IOException {
        InetSocketAddress address = bind == null ? new InetSocketAddress(port()) : new InetSocketAddress(bind, port());
        AssociationServer server;
        try {
            server = ae.startServer(address, handlers);
        } catch (BindException e) {
            throw new ToolException(ExitCodes.IO, "cannot listen on " + address + ": " + e.getMessage(), e);
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            server.close();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        started.run();
        note(name() + ": " + server.aeTitle() + " listening on " + server.localAddress() + " (Ctrl-C stops)");
        try {
            server.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for the farewell
            }
            try {
                farewell.run();
                note(name() + ": stopped");
            } finally {
                finished.countDown();
            }
        }
        return ExitCodes.OK;
    }
}
