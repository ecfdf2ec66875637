package dev.newsflow.bench.e2e;

/**
 * What ingest answered to one POST.
 *
 * @param startNanos when the POST counts as started: its intended time in open loop (so a stalled
 *                   pipeline cannot hide its backlog), the moment it was sent in closed loop
 * @param status HTTP status, or 0 when the request failed without one ({@code error} says why)
 * @param articleId the id ingest gave it (202 and 200 answers), else null
 */
record PostOutcome(int sequence, long startNanos, long responseNanos, int status, String articleId, int version,
                   String error) {

    boolean accepted() {
        return status == 202;
    }

    boolean repeat() {
        return status == 200;
    }

    String versionKey() {
        return articleId + "#" + version;
    }
}
