package dev.newsflow.app.cli;

import dev.newsflow.enrich.topics.train.TopicTrainer;
import dev.newsflow.enrich.topics.train.TopicTraining;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"Train the IPTC Media Topics model the enrich service loads at start, and write its training report.",
                "Run from the repository root. Sources: the project's training articles (data/topics/train-written.jsonl), "
                        + "Wikipedia current-events summaries, IPTC's labels and definitions and CrossNER's domains "
                        + "(under --shared-data). The dev set (data/topics/dev.jsonl) is never trained on: a training text sharing "
                        + "a headline or paragraph with it is left out. A few minutes on 2 cores; the same data gives a byte-identical model."})
public final class TrainTopicsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--shared-data", defaultValue = "../shared/data",
            description = "Directory with topics-train/, iptc/ and ner-train/crossner/ (default: ${DEFAULT-VALUE}).")
    Path sharedData;

    @Option(names = "--written", split = ",", defaultValue = "data/topics/train-written.jsonl",
            description = "Training articles written for the project, JSON lines (default: ${DEFAULT-VALUE}).")
    List<Path> written;

    @Option(names = "--dev", defaultValue = "data/topics/dev.jsonl",
            description = "The dev set, checked to be absent from the training data (default: ${DEFAULT-VALUE}).")
    Path dev;

    @Option(names = "--out", defaultValue = "enrich/src/main/resources/topics/iptc-topics.model",
            description = "Where the model goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--report", defaultValue = "enrich/src/main/resources/topics/TRAINING.md",
            description = "Where the training report goes (default: ${DEFAULT-VALUE}).")
    Path report;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        TopicTrainer.Outcome outcome = new TopicTraining(sharedData, written, dev, out, report)
                .run(TopicTrainer.Settings.defaults());
        stdout.printf(Locale.ROOT, "wrote %s (%d features) and %s%nheld-out top-level accuracy %.3f%n", out,
                outcome.model().features(), report, outcome.report().heldOutAccuracy());
        stdout.flush();
        return 0;
    }
}
