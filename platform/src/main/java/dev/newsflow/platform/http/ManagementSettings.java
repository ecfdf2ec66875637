package dev.newsflow.platform.http;

/**
 * Where a service's {@code /metrics} is served, as the operator chooses: on a management listener of its own
 * ({@code port} ≥ 0, on {@code host}, loopback unless set otherwise) or, with no management port, on the service's
 * own port behind the bearer {@code metricsToken}. With neither, {@code /metrics} is not served at all: metrics
 * say a lot about a service (its partners, its publishers, its load) and are nobody's business by default. A
 * token, when set, is asked for on the management listener too.
 */
public record ManagementSettings(int port, String host, String metricsToken) {
    public static final int NONE = -1;

    public ManagementSettings {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        metricsToken = metricsToken == null ? "" : metricsToken;
    }

    /** No management listener and no token: metrics are off (tests of endpoints that do not need them). */
    public static ManagementSettings off() {
        return new ManagementSettings(NONE, "127.0.0.1", "");
    }

    /** A management listener on loopback at {@code port} (0: any free port). */
    public static ManagementSettings loopback(int port) {
        return new ManagementSettings(port, "127.0.0.1", "");
    }

    public boolean ownListener() {
        return port >= 0;
    }

    public boolean tokenRequired() {
        return !metricsToken.isEmpty();
    }
}
