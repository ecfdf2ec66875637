package dev.newsflow.enrich.topics.train;

/**
 * Feature vectors of a set of documents in compressed sparse rows: row i's features are
 * {@code column[start[i]] … column[start[i + 1] - 1]} with their values.
 */
record SparseRows(int[] start, int[] column, float[] value) {

    int rows() {
        return start.length - 1;
    }
}
