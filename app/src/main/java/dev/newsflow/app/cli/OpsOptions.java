package dev.newsflow.app.cli;

import dev.newsflow.ops.OpsConfig;
import dev.newsflow.ops.OpsTools;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import picocli.CommandLine.Mixin;

/**
 * Where the ops commands find Kafka and the registry: the same flags, {@code NEWSFLOW_*} variables and
 * {@code --config} file as every service (defaults: the demo's addresses), loaded into {@link OpsConfig}.
 */
final class OpsOptions {
    @Mixin
    ServiceOptions service;

    OpsConfig config() {
        return new OpsConfig(service.load(OpsConfig.definition()));
    }

    OpsTools tools() {
        return new OpsTools(config(), Clock.systemUTC());
    }

    /** Who asked, for the replay ledger: {@code user@host (command line)}. */
    static String requester() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return System.getProperty("user.name", "unknown") + "@" + host + " (command line)";
    }
}
