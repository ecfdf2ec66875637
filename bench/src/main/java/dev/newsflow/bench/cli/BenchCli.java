package dev.newsflow.bench.cli;

import dev.newsflow.platform.lifecycle.Failures;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code newsflow bench}: the launcher runs this module's jar for it, so that JMH and the load generator never
 * ship in the services' jar. {@code bench/run-benchmarks.sh} runs the same commands with {@code --out FILE}.
 * Exit status 1 when a check (exactly-once count, feed, clean wrk runs) failed, 2 on bad arguments.
 */
@Command(name = "newsflow bench", mixinStandardHelpOptions = true, version = "newsflow bench 0.1.0",
        description = "Measure newsflow: JMH micro-benchmarks, the crash test, the end-to-end load generator, feed "
                + "serving vs nginx, heap per service, JFR summaries.",
        subcommands = {JmhCommand.class, AbCommand.class, ChaosCommand.class, E2eCommand.class, E2eLocalCommand.class, FeedsCommand.class,
                FeedsLocalCommand.class, HeapCommand.class, ProfileCommand.class, CommandLine.HelpCommand.class})
public final class BenchCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new BenchCli()).setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("newsflow bench " + commandLine.getCommandName() + ": " + Failures.oneLine(e));
            LoggerFactory.getLogger(BenchCli.class).debug("benchmark failed", e);
            return 1;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
