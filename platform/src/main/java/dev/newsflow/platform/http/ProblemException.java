package dev.newsflow.platform.http;

/**
 * A refusal that exists only at the HTTP edge (a missing bearer token, an unknown feed path, a bad header), thrown
 * by route handlers with the problem to answer. Domain code throws domain exceptions instead
 * ({@code dev.newsflow.platform.errors}), which {@link ProblemMapping} turns into problems.
 */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
