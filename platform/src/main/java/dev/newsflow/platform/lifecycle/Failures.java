package dev.newsflow.platform.lifecycle;

/** How a command line reports a failure: one line saying what went wrong; the stack trace is for debug logs. */
public final class Failures {
    private Failures() {
    }

    /** The message of the outermost exception that has one (wrappers often carry none). */
    public static String oneLine(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
