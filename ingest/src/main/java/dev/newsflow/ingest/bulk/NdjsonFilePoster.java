package dev.newsflow.ingest.bulk;

import dev.newsflow.platform.digest.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one NDJSON file line by line through {@code POST /v1/articles:batch}, until every line is taken or refused
 * for good:
 * <ul>
 *   <li>lines the resume state already holds (same file, same line content) are not sent again, so a rerun costs
 *       no rate-limit tokens for what ingest has;</li>
 *   <li>the rest go in batches of at most {@code batchLines} lines, in file order;</li>
 *   <li>lines answered 429 or 503 inside a batch (ingest's rate limit, Kafka unavailable) are sent again after the
 *       batch's {@code Retry-After}, in order; rounds that made progress cost no retry ({@link RetryPolicy});</li>
 *   <li>lines refused for what they hold (400, 404, 409, 422) are reported by line number and never sent again
 *       unchanged;</li>
 *   <li>each batch's accepted and unchanged lines are written to the resume state as soon as it is answered.</li>
 * </ul>
 */
final class NdjsonFilePoster {
    private static final Logger LOG = LoggerFactory.getLogger(NdjsonFilePoster.class);
    private static final int MAX_BATCH_BYTES = 8 * 1024 * 1024;

    /** Sends one batch body to ingest and answers its response. */
    @FunctionalInterface
    interface BatchSender {
        HttpResponse<String> send(byte[] ndjson) throws IOException, InterruptedException;
    }

    private record Line(int number, String text, String hash) {
    }

    private final BatchSender sender;
    private final PostedFiles posted;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final ProgressListener progress;
    private final int maxBatchLines;

    NdjsonFilePoster(BatchSender sender, PostedFiles posted, RetryPolicy retry, Sleeper sleeper,
                     ProgressListener progress, int maxBatchLines) {
        this.sender = sender;
        this.posted = posted;
        this.retry = retry;
        this.sleeper = sleeper;
        this.progress = progress;
        this.maxBatchLines = maxBatchLines;
    }

    FileResult post(Path file, byte[] content) throws IOException, InterruptedException {
        List<String> all = new String(content, StandardCharsets.UTF_8).lines().toList();
        List<Line> pending = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < all.size(); i++) {
            String text = all.get(i);
            if (text.isBlank()) {
                continue;
            }
            total++;
            String hash = Sha256.hex(text.strip());
            if (!posted.containsLine(hash, file)) {
                pending.add(new Line(i + 1, text, hash));
            }
        }
        int skipped = total - pending.size();
        int accepted = 0;
        int unchanged = 0;
        List<String> refused = new ArrayList<>();
        int idleRounds = 0;
        int batchLines = maxBatchLines;
        String lastTransient = null;
        int lastStatus = 200;
        progress.linesDone(file, skipped, total);
        while (!pending.isEmpty()) {
            List<Line> batch = nextBatch(pending, batchLines);
            HttpResponse<String> response = sender.send(body(batch));
            int status = response.statusCode();
            Optional<Duration> retryAfter = RetryPolicy.retryAfter(response.headers().firstValue("Retry-After"));
            if (status == 413 && batch.size() > 1) {
                // Ingest takes fewer lines per batch than we sent: halve and go on (no line was read).
                batchLines = Math.max(1, batch.size() / 2);
                continue;
            }
            if (status != 200) {
                lastStatus = status;
                lastTransient = BulkPoster.problemText(response);
                if (!RetryPolicy.retriable(status)) {
                    // The whole request was refused (key, media type, size of one line): nothing more will pass.
                    return result(file, status, accepted, unchanged, skipped, refused, pending.size(),
                            "the batch was refused: " + lastTransient);
                }
                idleRounds++;
                if (retry.exhausted(idleRounds)) {
                    break;
                }
                pause(file, status, retry.wait(idleRounds, retryAfter), pending.size());
                continue;
            }
            JsonNode answer = BulkPoster.parse(response.body());
            List<PostedFiles.DeliveredLine> delivered = new ArrayList<>();
            List<Line> again = new ArrayList<>();
            boolean[] answered = new boolean[batch.size()];
            for (JsonNode result : answer.path("results")) {
                // Ingest numbers the lines of the body it got from 1; we send no blank lines.
                int position = result.path("line").asInt() - 1;
                if (position < 0 || position >= batch.size() || answered[position]) {
                    continue;
                }
                answered[position] = true;
                Line line = batch.get(position);
                int lineStatus = result.path("status").asInt();
                if (lineStatus == 200 || lineStatus == 202) {
                    delivered.add(new PostedFiles.DeliveredLine(line.hash(), line.number(), result.path("id").asText(null),
                            result.path("version").asInt()));
                    if (lineStatus == 202) {
                        accepted++;
                    } else {
                        unchanged++;
                    }
                } else if (RetryPolicy.retriable(lineStatus)) {
                    again.add(line);
                    lastStatus = lineStatus;
                    lastTransient = result.path("problem").path("detail").asText("HTTP " + lineStatus);
                } else {
                    refused.add("line " + line.number() + ": " + BulkPoster.problemText(result.path("problem"), lineStatus));
                }
            }
            // A line the answer did not mention was not read: send it again, in its place.
            for (int i = 0; i < batch.size(); i++) {
                if (!answered[i]) {
                    again.add(batch.get(i));
                }
            }
            again.sort(java.util.Comparator.comparingInt(Line::number));
            posted.addLines(file, delivered);
            pending.subList(0, batch.size()).clear();
            pending.addAll(0, again);
            progress.linesDone(file, total - pending.size() - refused.size(), total);
            if (again.isEmpty()) {
                idleRounds = 0;
                continue;
            }
            idleRounds = delivered.isEmpty() ? idleRounds + 1 : 0;
            if (retry.exhausted(idleRounds)) {
                break;
            }
            pause(file, lastStatus, retry.wait(idleRounds, retryAfter), pending.size());
        }
        String gaveUp = pending.isEmpty() ? null : pending.size() + " lines not taken after " + retry.maxRetries()
                + " retries (last answer " + lastStatus + ": " + lastTransient + "); run again to send them";
        return result(file, pending.isEmpty() ? 200 : lastStatus, accepted, unchanged, skipped, refused,
                pending.size(), gaveUp);
    }

    private List<Line> nextBatch(List<Line> pending, int batchLines) {
        int bytes = 0;
        int count = 0;
        while (count < pending.size() && count < batchLines) {
            bytes += pending.get(count).text().length() + 1;
            if (count > 0 && bytes > MAX_BATCH_BYTES) {
                break;
            }
            count++;
        }
        return pending.subList(0, count);
    }

    private static byte[] body(List<Line> batch) {
        StringBuilder body = new StringBuilder();
        for (Line line : batch) {
            body.append(line.text()).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void pause(Path file, int status, Duration wait, int pending) throws InterruptedException {
        LOG.info("{}: ingest answered {} for {} lines; sending them again in {} s", file, status, pending,
                wait.toSeconds());
        sleeper.sleep(wait);
    }

    private FileResult result(Path file, int status, int accepted, int unchanged, int skipped, List<String> refused,
                              int notTaken, String problem) {
        StringBuilder detail = new StringBuilder().append(accepted).append(" accepted, ").append(unchanged)
                .append(" unchanged, ").append(skipped).append(" skipped, ").append(refused.size())
                .append(" rejected");
        if (notTaken > 0) {
            detail.append(", ").append(notTaken).append(" not taken");
        }
        detail.append(" lines");
        if (!refused.isEmpty()) {
            detail.append(" (").append(String.join("; ", refused)).append(')');
        }
        if (problem != null) {
            detail.append(": ").append(problem);
        }
        FileResult.Outcome outcome;
        if (notTaken > 0) {
            outcome = RetryPolicy.retriable(status) ? FileResult.Outcome.FAILED : FileResult.Outcome.REJECTED;
        } else if (!refused.isEmpty()) {
            outcome = FileResult.Outcome.REJECTED;
        } else if (accepted > 0) {
            outcome = FileResult.Outcome.ACCEPTED;
        } else if (unchanged > 0) {
            outcome = FileResult.Outcome.UNCHANGED;
        } else {
            outcome = FileResult.Outcome.SKIPPED;
        }
        return new FileResult(file, outcome, status, null, 0, detail.toString());
    }
}
