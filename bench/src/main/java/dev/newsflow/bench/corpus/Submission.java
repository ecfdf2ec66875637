package dev.newsflow.bench.corpus;

/**
 * One POST the load generator makes.
 *
 * @param sequence position in the plan, from 0
 * @param kind a new story, an exact re-send of an earlier one, or an update of an earlier one
 * @param target for duplicates and updates, the sequence of the submission they repeat or revise; else -1
 */
public record Submission(int sequence, Kind kind, CorpusArticle article, String payload, int target) {

    public enum Kind { NEW, DUPLICATE, UPDATE }

    public String contentType() {
        return article.contentType();
    }
}
