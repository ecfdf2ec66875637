package dev.newsflow.app.cli;

import dev.newsflow.platform.digest.Sha256;
import dev.newsflow.enrich.ner.NerTrainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ner", mixinStandardHelpOptions = true,
        description = {"Train the named-entity recogniser from the ner-train sets (newsflow convention, see "
                + "enrich/src/main/resources/ner/README.md) and write the model the enrich module loads.",
                "Deterministic: the same data give the same bytes. Prints the scores on each set's test part."})
public final class TrainNerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "../shared/data/ner-train",
            description = "The ner-train folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", defaultValue = "enrich/src/main/resources/ner/model.bin.gz",
            description = "Where to write the model (default, from the repository root: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", defaultValue = "10", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--sets", split = ",", paramLabel = "SET",
            description = "Train on these sets of the data folder only (default: all seven), e.g. to score a model on "
                    + "text one of them contains.")
    List<String> sets;

    @Option(names = "--dev", description = "Develop: train on the train parts only and score the dev parts (the test parts are not read).")
    boolean dev;

    @Override
    public Integer call() throws IOException {
        PrintWriter log = spec.commandLine().getOut();
        NerTrainer.Options defaults = NerTrainer.Options.defaults();
        NerTrainer.Options options = new NerTrainer.Options(epochs, defaults.bits(), defaults.seed(), !dev, sets);
        NerTrainer.Result result = NerTrainer.train(data, options, log);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, result.modelBytes());
        log.printf("wrote %s (%,d bytes, sha256 %s)%n", out, result.modelBytes().length, Sha256.hex(result.modelBytes()));
        log.flush();
        return 0;
    }
}
