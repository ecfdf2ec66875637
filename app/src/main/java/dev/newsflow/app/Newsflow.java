package dev.newsflow.app;

import dev.newsflow.app.cli.ConfigCommand;
import dev.newsflow.app.cli.DeadLettersCommand;
import dev.newsflow.app.cli.EnrichCommand;
import dev.newsflow.app.cli.OpsCommand;
import dev.newsflow.app.cli.EnrichFileCommand;
import dev.newsflow.app.cli.EvalCommand;
import dev.newsflow.app.cli.IngestCommand;
import dev.newsflow.app.cli.PartnersCommand;
import dev.newsflow.app.cli.PostCommand;
import dev.newsflow.app.cli.SchemasCommand;
import dev.newsflow.app.cli.SyndicateCommand;
import dev.newsflow.app.cli.TopicsCommand;
import dev.newsflow.app.cli.TrainCommand;
import dev.newsflow.platform.lifecycle.Failures;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command line: run one service, register schemas, post articles, manage partners. */
@Command(name = "newsflow",
        mixinStandardHelpOptions = true,
        version = "newsflow 0.1.0",
        description = "News ingestion and syndication on Kafka.",
        footer = {"", "Run by the launcher from their own modules, so that this jar (the services' image) carries "
                + "no broker and no benchmarks:",
                "  demo    everything in one JVM on an embedded broker (devstack): newsflow demo --help",
                "  bench   JMH, the end-to-end load generator, feeds vs nginx (bench): newsflow bench --help"},
        subcommands = {
                IngestCommand.class,
                EnrichCommand.class,
                SyndicateCommand.class,
                OpsCommand.class,
                SchemasCommand.class,
                ConfigCommand.class,
                PostCommand.class,
                EnrichFileCommand.class,
                EvalCommand.class,
                PartnersCommand.class,
                TopicsCommand.class,
                DeadLettersCommand.class,
                TrainCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Newsflow implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Newsflow())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Newsflow::reportFailure);
    }

    /** A failed command says what went wrong in one line; the stack trace is for --debug logs. */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + Failures.oneLine(e));
        LoggerFactory.getLogger(Newsflow.class).debug("command failed", e);
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
