package dev.newsflow.app.cli;

import dev.newsflow.ingest.bulk.BulkPoster;
import dev.newsflow.ingest.bulk.BulkReport;
import dev.newsflow.ingest.bulk.FileResult;
import dev.newsflow.ingest.bulk.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "post", mixinStandardHelpOptions = true,
        description = {"Post article files to ingest: .txt (raw text), .json (newsflow or ninjs), .html, "
                + ".ndjson (batch, line by line). Directories are walked. The run is resumable: files and NDJSON lines "
                + "accepted before are skipped without a request, and lines ingest could not take yet (rate limit, "
                + "Kafka unavailable) are sent again after its Retry-After.",
                "Results and the summary go to standard output; the progress bar goes to standard error, and only "
                        + "when it is a terminal."})
public final class PostCommand implements Callable<Integer> {
    private static final int BAR_WIDTH = 30;
    /** Where the state was kept before it moved under .newsflow/; read once and moved, so no line is sent twice. */
    static final Path LEGACY_STATE = Path.of(".newsflow-posted");
    static final String DEFAULT_STATE = ".newsflow/posted.tsv";

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

    @Option(names = "--state", paramLabel = "FILE", defaultValue = DEFAULT_STATE,
            description = "Remember accepted files and NDJSON lines here and skip them next time "
                    + "(default: ${DEFAULT-VALUE} in the current directory).")
    Path state;

    @Option(names = "--retries", defaultValue = "3",
            description = "Retries in a row, when ingest takes nothing (429, 503, 5xx), before giving up on a file; "
                    + "waits honour Retry-After and double each time (default: ${DEFAULT-VALUE}). Rounds in which "
                    + "ingest took some lines of a batch cost none.")
    int retries;

    @Option(names = "--batch-lines", defaultValue = "500",
            description = "Most NDJSON lines per batch request (default: ${DEFAULT-VALUE}).")
    int batchLines;

    @Option(names = "--progress", negatable = true,
            description = "Draw the progress bar on standard error (default: only when it is a terminal).")
    Boolean progressBar;

    @Option(names = {"-v", "--verbose"}, description = "Print every file's result, not only failures.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        moveLegacyState(err);
        // Java 17 cannot ask about standard error alone; a console means standard input and output are a terminal.
        boolean bar = progressBar != null ? progressBar : System.console() != null;
        BulkReport report = BulkPoster.builder(url, key)
                .stateFile(state)
                .maxRetries(retries)
                .batchLines(batchLines)
                .progress(new Progress(out, err, bar))
                .build()
                .post(paths);
        if (bar) {
            err.print("\r" + " ".repeat(BAR_WIDTH + 40) + "\r");
            err.flush();
        }
        out.println(report.summary());
        out.flush();
        return report.allOk() ? 0 : 1;
    }

    /** A state file from before it moved under .newsflow/ is moved there, once, when only it exists. */
    private void moveLegacyState(PrintWriter err) throws IOException {
        if (!state.equals(Path.of(DEFAULT_STATE)) || Files.exists(state) || !Files.isRegularFile(LEGACY_STATE)) {
            return;
        }
        Files.createDirectories(state.toAbsolutePath().getParent());
        Files.move(LEGACY_STATE, state);
        err.println("newsflow post: moved the resume state " + LEGACY_STATE + " to " + state);
    }

    private final class Progress implements ProgressListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean bar;

        Progress(PrintWriter out, PrintWriter err, boolean bar) {
            this.out = out;
            this.err = err;
            this.bar = bar;
        }

        @Override
        public void fileDone(FileResult result, int done, int total) {
            if (verbose || !result.ok()) {
                if (bar) {
                    err.print("\r" + " ".repeat(BAR_WIDTH + 40) + "\r");
                    err.flush();
                }
                out.println(describe(result));
                out.flush();
            }
            if (bar) {
                err.print("\r" + bar(done, total, "files"));
                err.flush();
            }
        }

        @Override
        public void linesDone(Path file, int done, int total) {
            if (bar) {
                err.print("\r" + bar(done, total, "lines of " + file.getFileName()));
                err.flush();
            }
        }
    }

    static String describe(FileResult result) {
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        String id = result.articleId() == null ? "" : " " + result.articleId() + " v" + result.version();
        String detail = result.detail() == null || result.detail().isEmpty() ? "" : " — " + result.detail();
        return result.file() + ": " + outcome + (result.status() > 0 ? " (" + result.status() + ")" : "") + id + detail;
    }

    private static String bar(int done, int total, String what) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total + " " + what;
    }
}
