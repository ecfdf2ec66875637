package dev.newsflow.app.cli;

import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score newsflow's models and annotators on labelled files (yours or the project's).",
        subcommands = {EvalNerCommand.class, EvalTopicsCommand.class, EvalLinkingCommand.class})
public final class EvalCommand {
}
