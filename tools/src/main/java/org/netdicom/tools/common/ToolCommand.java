package org.netdicom.tools.common;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.netdicom.core.api.ApplicationEntity;
import org.netdicom.tools.ToolException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every tool shares: verbosity, network and TLS options, and where output goes. Results go
 * to standard output ({@link #out()}), progress and warnings to standard error ({@link #note},
 * {@link #warn}); -q keeps only results and errors.
 */
public abstract class ToolCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @ArgGroup(validate = false, heading = "%nOutput:%n", order = 100)
    protected Verbosity verbosity = new Verbosity();

    @ArgGroup(validate = false, heading = "%nNetwork:%n", order = 101)
    protected NetworkOptions network = new NetworkOptions();

    @ArgGroup(validate = false, heading = "%nTLS:%n", order = 102)
    protected TlsOptions tlsOptions = new TlsOptions();

    @Override
    public final Integer call() throws Exception {
        verbosity.apply();
        return run();
    }

    /** Runs the tool; returns its exit code or throws (the launcher maps the failure to a code). */
    protected abstract int run() throws Exception;

    /** An entity with the PDU length, timeouts, TLS and logging of the options. */
    protected ApplicationEntity applicationEntity(String aeTitle) throws ToolException {
        ApplicationEntity ae = new ApplicationEntity(aeTitle);
        network.applyTo(ae);
        ae.tls(tlsOptions.settings());
        ae.logHandlerLevel(verbosity.logHandlerLevel());
        return ae;
    }

    protected String name() {
        return spec.name();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected boolean quiet() {
        return verbosity.quiet();
    }

    /** A result line on standard output (not printed with -q). */
    protected void result(String line) {
        if (!quiet()) {
            out().println(line);
            out().flush();
        }
    }

    /** A progress line on standard error (not printed with -q). */
    protected void note(String line) {
        if (!quiet()) {
            err().println(line);
            err().flush();
        }
    }

    /** A warning on standard error (not printed with -q). */
    protected void warn(String line) {
        note(name() + ": warning: " + line);
    }

    /** An error that does not end the tool, on standard error (always printed). */
    protected void error(String line) {
        err().println(name() + ": " + line);
        err().flush();
    }
}
