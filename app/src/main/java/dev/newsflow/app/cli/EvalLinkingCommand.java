package dev.newsflow.app.cli;

import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.annotate.KnowledgeBaseAnnotator;
import dev.newsflow.enrich.annotate.LinkCalibration;
import dev.newsflow.enrich.annotate.LinkingDataset;
import dev.newsflow.enrich.annotate.LinkingEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "linking", mixinStandardHelpOptions = true,
        description = {"Score entity linking on articles in newsflow's linking format (=== id, H:/P:/C:/R: lines, "
                + "mentions marked [[surface|TYPE|QID or NIL]]): precision and recall of the Wikidata ids, and the "
                + "calibration table of their confidences. The last line is 'linking precision P recall R F1 F'.",
                "With --fit-calibration, fit the confidence calibration on the files instead and print it in the form "
                + "of enrich/src/main/resources/linking/calibration.properties."})
public final class EvalLinkingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Linking data files (e.g. enrich/src/test/resources/linking/dev.txt).")
    List<Path> files;

    @Option(names = "--errors", description = "Also list every wrong link.")
    boolean errors;

    @Option(names = "--fit-calibration", description = "Fit the calibration on FILE (use the calibration split, never the scored dev split).")
    boolean fitCalibration;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<LinkingDataset.Article> articles = new ArrayList<>();
        for (Path file : files) {
            articles.addAll(LinkingDataset.read(file));
        }
        KnowledgeBaseAnnotator annotator = new KnowledgeBaseAnnotator(KnowledgeBase.load());
        if (fitCalibration) {
            LinkCalibration fitted = LinkingEvaluation.fit(articles, annotator, LinkCalibration.load());
            out.println("# Fitted by: newsflow eval linking --fit-calibration " + String.join(" ", files.stream()
                    .map(Path::toString).toList()));
            out.println("# p(link right) = 1 / (1 + exp(-(slope * margin + intercept))); linked when p >= threshold");
            out.printf(Locale.ROOT, "slope=%s%nintercept=%s%nthreshold=%s%n", fitted.slope(), fitted.intercept(), fitted.threshold());
            out.flush();
            return 0;
        }
        LinkingEvaluation.score(articles, annotator).print(out, errors);
        return 0;
    }
}
