package dev.newsflow.ops.lag;

import java.util.List;
import java.util.Optional;

/**
 * The consumer groups newsflow owns, as patterns (a trailing {@code *} matches any suffix). A group answers to the
 * first pattern it matches, so {@code newsflow-syndicate-push} listed before {@code newsflow-syndicate-*} is not
 * taken for a feed-state instance.
 */
public final class OwnedGroups {
    private final List<String> patterns;

    public OwnedGroups(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public List<String> patterns() {
        return patterns;
    }

    /** The pattern the group answers to, if newsflow owns it. */
    public Optional<String> patternOf(String groupId) {
        for (String pattern : patterns) {
            if (matches(pattern, groupId)) {
                return Optional.of(pattern);
            }
        }
        return Optional.empty();
    }

    static boolean matches(String pattern, String groupId) {
        return pattern.endsWith("*") ? groupId.startsWith(pattern.substring(0, pattern.length() - 1))
                && groupId.length() > pattern.length() - 1 : pattern.equals(groupId);
    }
}
