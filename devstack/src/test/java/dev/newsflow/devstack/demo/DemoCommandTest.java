package dev.newsflow.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo's options as a user types them, and what it says when a port it needs is taken. */
class DemoCommandTest {

    @Test
    void aBusyPortEndsTheDemoWithOneLineNamingThePortAndTheFlag(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = DemoCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));

            int exit = cli.execute("--data-dir", dataDir.resolve("demo").toString(), "--kafka-port", "0",
                    "--controller-port", "0", "--registry-port", "0", "--ingest-port", String.valueOf(port),
                    "--enrich-port", "0", "--syndicate-port", "0");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().lines()).containsExactly("newsflow demo: port " + port
                    + " (ingest) on 127.0.0.1 is already in use; stop what uses it or choose another port with "
                    + "--ingest-port <port>");
            assertThat(out.toString()).isEmpty();
            assertThat(Files.exists(dataDir.resolve("demo"))).as("nothing was started").isFalse();
        }
    }

    @Test
    void freePortsPassTheCheck() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(FreePorts.firstBusy("127.0.0.1", java.util.List.of(new FreePorts.Wanted("x", port, "--x"),
                new FreePorts.Wanted("y", 0, "--y")))).isEmpty();
    }

    private static DemoCommand parsed(String... args) {
        DemoCommand command = new DemoCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theSampleIsPostedUnlessNoSampleIsGiven() {
        assertThat(parsed().postSample).isTrue();
        assertThat(parsed("--sample").postSample).isTrue();
        assertThat(parsed("--no-sample").postSample).isFalse();
    }

    @Test
    void helpShowsBothForms() {
        assertThat(new CommandLine(new DemoCommand()).getUsageMessage()).contains("--[no-]sample");
    }
}
