package dev.newsflow.platform.health;

/** The answer of one health check: up or not, and in a few words why not. */
public record Check(boolean up, String detail) {
    public static final Check UP = new Check(true, null);

    public static Check down(String detail) {
        return new Check(false, detail);
    }

    public static Check of(boolean up, String detailWhenDown) {
        return up ? UP : down(detailWhenDown);
    }
}
