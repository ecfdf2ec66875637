package dev.newsflow.schemas.registry;

import java.util.List;
import java.util.Map;

/** The registry refused one or more of newsflow's schemas; nothing was registered. */
public final class SchemaRegistrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<String>> problemsBySubject;

    SchemaRegistrationException(Map<String, List<String>> problemsBySubject) {
        super(describe(problemsBySubject));
        this.problemsBySubject = Map.copyOf(problemsBySubject);
    }

    /** The registry's messages, by subject. */
    public Map<String, List<String>> problemsBySubject() {
        return problemsBySubject;
    }

    private static String describe(Map<String, List<String>> problems) {
        StringBuilder text = new StringBuilder("the schema registry refuses ").append(problems.size())
                .append(problems.size() == 1 ? " schema" : " schemas").append("; nothing was registered:");
        problems.forEach((subject, messages) -> {
            text.append("\n  ").append(subject).append(':');
            messages.forEach(m -> text.append("\n    ").append(m));
        });
        return text.toString();
    }
}
