package dev.newsflow.app;

import dev.newsflow.app.cli.BenchCommand;
import dev.newsflow.app.cli.ConfigCommand;
import dev.newsflow.app.cli.DemoCommand;
import dev.newsflow.app.cli.EnrichCommand;
import dev.newsflow.app.cli.EnrichFileCommand;
import dev.newsflow.app.cli.IngestCommand;
import dev.newsflow.app.cli.PartnersCommand;
import dev.newsflow.app.cli.PostCommand;
import dev.newsflow.app.cli.SchemasCommand;
import dev.newsflow.app.cli.SyndicateCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command line: run one service, or everything on an embedded broker. */
@Command(name = "newsflow",
        mixinStandardHelpOptions = true,
        version = "newsflow 0.1.0",
        description = "News ingestion and syndication on Kafka.",
        subcommands = {
                DemoCommand.class,
                IngestCommand.class,
                EnrichCommand.class,
                SyndicateCommand.class,
                SchemasCommand.class,
                ConfigCommand.class,
                PostCommand.class,
                EnrichFileCommand.class,
                PartnersCommand.class,
                BenchCommand.class,
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
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        commandLine.getErr().println("newsflow " + commandLine.getCommandName() + ": " + cause.getMessage());
        LoggerFactory.getLogger(Newsflow.class).debug("command failed", e);
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
