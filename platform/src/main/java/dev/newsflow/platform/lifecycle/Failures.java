package dev.newsflow.platform.lifecycle;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * How a command line reports a failure: one line saying what went wrong; the stack trace is for debug logs.
 * Many JDK exceptions carry no message (a refused connection is a {@code ConnectException} whose message is
 * null) or only a path (a missing file is a {@code NoSuchFileException} whose message is the file name): those
 * are said in words, so that no error ends in ": null" or names a file without saying what is wrong with it.
 */
public final class Failures {
    private Failures() {
    }

    /** The message of the outermost exception that has one (wrappers often carry none), in words. */
    public static String oneLine(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && explained(cause) == null) {
            cause = cause.getCause();
        }
        String why = explained(cause);
        return why != null ? why : cause.getClass().getSimpleName();
    }

    /** What went wrong with an exception alone, or null when it says nothing by itself. */
    private static String explained(Throwable failure) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank() ? null : failure.getMessage();
        // The subclasses first: an HttpConnectTimeoutException is an HttpTimeoutException.
        if (failure instanceof HttpConnectTimeoutException) {
            return "the connection timed out";
        }
        if (failure instanceof HttpTimeoutException || failure instanceof SocketTimeoutException) {
            return "no answer in time" + (message == null ? "" : " (" + message + ")");
        }
        if (failure instanceof ConnectException) {
            return "connection refused (is the service running on that host and port?)";
        }
        if (failure instanceof NoRouteToHostException) {
            return "no route to the host";
        }
        if (failure instanceof UnknownHostException || failure instanceof UnresolvedAddressException) {
            return "unknown host" + (message == null ? "" : " " + message);
        }
        if (failure instanceof ClosedChannelException || failure instanceof EOFException) {
            return "the connection was closed before an answer came";
        }
        if (failure instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (failure instanceof NotDirectoryException notDirectory) {
            return "not a directory: " + notDirectory.getFile();
        }
        return message;
    }
}
