package dev.newsflow.syndicate.http;

/** An RFC 9457 problem to answer with: status, short title, detail, and the field at fault if any. */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String field;

    public ProblemException(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static ProblemException badRequest(String detail, String field) {
        return new ProblemException(400, "Bad Request", detail, field);
    }

    public static ProblemException unprocessable(String detail, String field) {
        return new ProblemException(422, "Unprocessable Content", detail, field);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
