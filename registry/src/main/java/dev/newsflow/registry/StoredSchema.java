package dev.newsflow.registry;

/**
 * One version of a subject as the {@code _schemas} log holds it. {@code schema} is the
 * canonical text (parsed and re-printed by Avro), which is what identity and ids are based on.
 */
record StoredSchema(String subject, int version, int id, String schema, boolean deleted) {

    StoredSchema markedDeleted() {
        return new StoredSchema(subject, version, id, schema, true);
    }

    boolean sameRegistration(StoredSchema other) {
        return other != null && id == other.id && schema.equals(other.schema);
    }
}
