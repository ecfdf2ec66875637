package dev.newsflow.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Decides a compatibility level with Avro's own {@link SchemaCompatibility} (reader/writer
 * resolution rules), as Confluent's registry does, and explains every failure in words that
 * name the field and its path, so a registry's 409 or a build failure says what to fix.
 * The same checker serves the embedded registry, the {@code mock://} registry and the
 * build-time evolution test.
 */
public final class SchemaCompatibilityChecker {

    private SchemaCompatibilityChecker() {
    }

    /**
     * Why {@code candidate} may not follow {@code earlier} (oldest first) under {@code level};
     * empty when it may. Non-transitive levels look only at the latest earlier schema.
     */
    public static List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<Schema> earlier) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return problems;
        }
        List<Schema> against = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        for (int i = against.size() - 1; i >= 0; i--) {
            Schema old = against.get(i);
            if (level.backward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
                        "the new schema cannot read data written with the old schema", problems);
            }
            if (level.forward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                        "the old schema cannot read data written with the new schema", problems);
            }
        }
        return problems;
    }

    /** Whether {@code candidate} may follow {@code earlier} under {@code level}. */
    public static boolean isCompatible(CompatibilityLevel level, Schema candidate, List<Schema> earlier) {
        return incompatibilities(level, candidate, earlier).isEmpty();
    }

    private static void describe(SchemaPairCompatibility pair, String direction, List<String> problems) {
        if (pair.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            String message = "{errorType:'" + incompatibility.getType() + "', description:'" + direction + ": "
                    + explain(incompatibility) + "', location:'" + incompatibility.getLocation()
                    + "', additionalInfo:'" + incompatibility.getMessage() + "'}";
            if (!problems.contains(message)) {
                problems.add(message);
            }
        }
    }

    private static String explain(Incompatibility incompatibility) {
        String at = " at " + incompatibility.getLocation();
        switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE:
                return "field '" + incompatibility.getMessage() + "'" + at
                        + " has no default value and is missing from the writer's schema";
            case TYPE_MISMATCH:
                return "type mismatch" + at + ": " + incompatibility.getMessage();
            case NAME_MISMATCH:
                return "name mismatch" + at + ": " + incompatibility.getMessage();
            case MISSING_ENUM_SYMBOLS:
                return "enum" + at + " lacks symbols " + incompatibility.getMessage() + " and has no default";
            case MISSING_UNION_BRANCH:
                return "union" + at + " lacks a branch: " + incompatibility.getMessage();
            case FIXED_SIZE_MISMATCH:
                return "fixed size mismatch" + at + ": " + incompatibility.getMessage();
            default:
                return incompatibility.getType() + at + ": " + incompatibility.getMessage();
        }
    }
}
