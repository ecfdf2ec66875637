package dev.newsflow.app.cli;

import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score newsflow's annotators against labelled files.",
        subcommands = {EvalTopicsCommand.class, EvalLinkingCommand.class})
public final class EvalCommand {
}
