package dev.newsflow.syndicate.partner;

/** The admin API refused a call or could not be reached; carries the problem's status, detail and field. */
public final class PartnerAdminException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    public PartnerAdminException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** HTTP status, or 0 when the server could not be reached. */
    public int status() {
        return status;
    }

    /** The field the server named, or null. */
    public String field() {
        return field;
    }
}
