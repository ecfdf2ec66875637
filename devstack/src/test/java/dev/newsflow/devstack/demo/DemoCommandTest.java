package dev.newsflow.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo's options as a user types them. */
class DemoCommandTest {

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
