package dev.newsflow.devstack.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before anything starts, that every port the demo will listen on is free. A busy port found by the
 * broker itself ends in a long Kafka stack trace logged by Kafka; found here, it is one line naming the port, what
 * wanted it and the flag that changes it.
 */
final class FreePorts {
    /** One port the demo listens on, and the option that sets it. */
    record Wanted(String what, int port, String flag) {
    }

    private FreePorts() {
    }

    /** The first wanted port that cannot be bound on {@code host}, said in one line; empty when all are free. */
    static Optional<String> firstBusy(String host, List<Wanted> ports) {
        for (Wanted wanted : ports) {
            if (wanted.port() == 0) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(host, wanted.port()));
            } catch (IOException e) {
                return Optional.of("port " + wanted.port() + " (" + wanted.what() + ") on " + host + " is already in use; "
                        + "stop what uses it or choose another port with " + wanted.flag() + " <port>");
            }
        }
        return Optional.empty();
    }
}
