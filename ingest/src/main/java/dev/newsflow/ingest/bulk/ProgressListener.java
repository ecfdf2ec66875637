package dev.newsflow.ingest.bulk;

import java.nio.file.Path;

/** Told after each file, e.g. to draw a progress bar: {@code done} of {@code total} files are finished. */
@FunctionalInterface
public interface ProgressListener {
    void fileDone(FileResult result, int done, int total);

    /** Told while an NDJSON file is posted: {@code done} of its {@code total} lines are taken or settled. */
    default void linesDone(Path file, int done, int total) {
    }

    static ProgressListener none() {
        return (result, done, total) -> { };
    }
}
