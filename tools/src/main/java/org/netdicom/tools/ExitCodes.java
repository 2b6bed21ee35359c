package org.netdicom.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import org.netdicom.core.api.AssociationException;

/**
 * The exit codes every tool ends with, which scripts may rely on (docs/tools.md lists them), and
 * the one-line reason printed for a failure.
 */
public final class ExitCodes {

    /** Everything worked (C-STORE warnings included). */
    public static final int OK = 0;
    /** The command line is wrong: unknown option, missing argument, bad value. */
    public static final int USAGE = 1;
    /** A file or folder could not be read or written, or a port could not be listened on. */
    public static final int IO = 2;
    /** No association: connection refused, association rejected or aborted, TLS handshake failed. */
    public static final int ASSOCIATION = 3;
    /** The peer answered with a failure status (or a C-STORE or sub-operation failed). */
    public static final int DIMSE_FAILURE = 4;
    /** The peer did not answer in time (connect, ACSE or DIMSE timeout). */
    public static final int TIMEOUT = 5;
    /** Anything else: a bug; run with -d for the stack trace. */
    public static final int INTERNAL = 6;

    /** The core says "no A-ASSOCIATE-AC from ... within 30000 ms; association aborted" when time ran out. */
    private static final Pattern TIMED_OUT = Pattern.compile("\\bno .+ within \\d+ ms\\b");

    private ExitCodes() {
    }

    /** The exit code for a failure that ended a tool. */
    public static int of(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ToolException tool) {
            return tool.exitCode();
        }
        if (t instanceof SocketTimeoutException) {
            return TIMEOUT;
        }
        if (t instanceof AssociationException) {
            return t.getMessage() != null && TIMED_OUT.matcher(t.getMessage()).find() ? TIMEOUT : ASSOCIATION;
        }
        if (t instanceof BindException) {
            return IO;
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                || t instanceof SSLException) {
            return ASSOCIATION;
        }
        if (t instanceof IOException) {
            return IO;
        }
        if (t instanceof IllegalArgumentException) {
            return USAGE;
        }
        return INTERNAL;
    }

    /** A one-line reason for a failure, without the exception's class name where the message says enough. */
    public static String reason(Throwable failure) {
        Throwable t = unwrap(failure);
        String message = t.getMessage();
        if (t instanceof NoSuchFileException) {
            return "no such file or folder: " + message;
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (t instanceof FileAlreadyExistsException) {
            return "already exists: " + message;
        }
        if (t instanceof NotDirectoryException) {
            return "not a folder: " + message;
        }
        if (t instanceof UnknownHostException) {
            return "unknown host: " + message;
        }
        if (t instanceof ConnectException) {
            return "cannot connect: " + message;
        }
        if (t instanceof SSLException) {
            return "TLS failed: " + message;
        }
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof UncheckedIOException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
