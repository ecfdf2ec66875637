package dev.newsflow.ingest.bulk;

/** Told after each file, e.g. to draw a progress bar: {@code done} of {@code total} files are finished. */
@FunctionalInterface
public interface ProgressListener {
    void fileDone(FileResult result, int done, int total);

    static ProgressListener none() {
        return (result, done, total) -> { };
    }
}
