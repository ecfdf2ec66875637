package dev.newsflow.app.cli;

import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train newsflow's models from data in the repository and ../shared (deterministic: same data, same bytes).",
        subcommands = {TrainNerCommand.class, TrainTopicsCommand.class})
public final class TrainCommand {
}
