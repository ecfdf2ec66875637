package dev.newsflow.ingest.bulk;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every file's result, in the order posted, and counts by outcome. */
public record BulkReport(List<FileResult> results) {
    public BulkReport {
        results = List.copyOf(results);
    }

    public long count(FileResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public Map<FileResult.Outcome, Long> counts() {
        Map<FileResult.Outcome, Long> counts = new TreeMap<>();
        for (FileResult.Outcome outcome : FileResult.Outcome.values()) {
            counts.put(outcome, count(outcome));
        }
        return counts;
    }

    /** True when every file is accepted, unchanged or skipped. */
    public boolean allOk() {
        return results.stream().allMatch(FileResult::ok);
    }

    /** One line such as {@code 12 files: 9 accepted, 1 unchanged, 2 skipped, 0 rejected, 0 failed}. */
    public String summary() {
        return results.size() + " files: " + count(FileResult.Outcome.ACCEPTED) + " accepted, "
                + count(FileResult.Outcome.UNCHANGED) + " unchanged, " + count(FileResult.Outcome.SKIPPED) + " skipped, "
                + count(FileResult.Outcome.REJECTED) + " rejected, " + count(FileResult.Outcome.FAILED) + " failed";
    }
}
