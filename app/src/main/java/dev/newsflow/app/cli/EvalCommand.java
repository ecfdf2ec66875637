package dev.newsflow.app.cli;

import picocli.CommandLine.Command;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score newsflow's models on your own labelled data.",
        subcommands = {EvalNerCommand.class})
public final class EvalCommand {
}
