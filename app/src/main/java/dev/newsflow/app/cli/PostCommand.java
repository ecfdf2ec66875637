package dev.newsflow.app.cli;

import dev.newsflow.ingest.bulk.BulkPoster;
import dev.newsflow.ingest.bulk.BulkReport;
import dev.newsflow.ingest.bulk.FileResult;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "post", mixinStandardHelpOptions = true,
        description = {"Post article files to ingest: .txt (raw text), .json (newsflow or ninjs), .html, "
                + ".ndjson (batch). Directories are walked. With --state the run is resumable: files accepted "
                + "before are skipped."})
public final class PostCommand implements Callable<Integer> {
    private static final int BAR_WIDTH = 30;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Files or directories to post.")
    List<Path> paths;

    @Option(names = "--url", defaultValue = "${env:NEWSFLOW_INGEST_URL:-http://localhost:8080}",
            description = "Ingest's base URL (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--key", required = true, defaultValue = "${env:NEWSFLOW_API_KEY}",
            description = "The publisher's API key (env NEWSFLOW_API_KEY).")
    String key;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Remember accepted files here and skip them next time (default: .newsflow-posted in the "
                    + "current directory).", defaultValue = ".newsflow-posted")
    Path state;

    @Option(names = "--retries", defaultValue = "3", description = "Retries after 429/503 (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = {"-v", "--verbose"}, description = "Print every file's result, not only failures.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BulkReport report = BulkPoster.builder(url, key)
                .stateFile(state)
                .maxRetries(retries)
                .progress((result, done, total) -> {
                    if (verbose || !result.ok()) {
                        out.printf("\r%-70s%n", describe(result));
                    }
                    out.print("\r" + bar(done, total));
                    out.flush();
                })
                .build()
                .post(paths);
        out.println();
        out.println(report.summary());
        return report.allOk() ? 0 : 1;
    }

    private static String describe(FileResult result) {
        String outcome = result.outcome().name().toLowerCase(java.util.Locale.ROOT);
        String id = result.articleId() == null ? "" : " " + result.articleId() + " v" + result.version();
        String detail = result.detail() == null || result.detail().isEmpty() ? "" : " — " + result.detail();
        return result.file() + ": " + outcome + (result.status() > 0 ? " (" + result.status() + ")" : "") + id + detail;
    }

    private static String bar(int done, int total) {
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total;
    }
}
