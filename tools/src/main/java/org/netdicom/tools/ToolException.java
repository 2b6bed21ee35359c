package org.netdicom.tools;

/** Ends a tool with an exit code of {@link ExitCodes} and a one-line reason. */
public class ToolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public ToolException(int exitCode, String reason) {
        super(reason);
        this.exitCode = exitCode;
    }

    public ToolException(int exitCode, String reason, Throwable cause) {
        super(reason, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
