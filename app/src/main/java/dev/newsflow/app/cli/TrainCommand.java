package dev.newsflow.app.cli;

import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the models newsflow commits (from data outside the repo) and score them on held-out data.",
        subcommands = {TrainNerCommand.class})
public final class TrainCommand {
}
