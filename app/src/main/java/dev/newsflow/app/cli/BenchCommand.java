package dev.newsflow.app.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure newsflow: JMH micro-benchmarks, the end-to-end load generator, feed serving vs nginx.",
        subcommands = {BenchJmhCommand.class, BenchE2eCommand.class, BenchFeedsCommand.class})
public final class BenchCommand {
}
