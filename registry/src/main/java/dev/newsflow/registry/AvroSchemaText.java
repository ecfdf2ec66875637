package dev.newsflow.registry;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * Parses schema text sent to the registry and gives the canonical text used for identity:
 * Avro's own printing of the parsed schema, so whitespace and attribute order do not make two
 * equal schemas look different, while docs, defaults and aliases (which change how data
 * resolves) still do.
 */
record AvroSchemaText(Schema schema, String canonical) {

    static AvroSchemaText parse(String text, String schemaType) {
        if (schemaType != null && !schemaType.isBlank() && !"AVRO".equalsIgnoreCase(schemaType)) {
            throw RegistryError.invalidSchema("of type " + schemaType + ": this registry serves AVRO schemas only");
        }
        if (text == null || text.isBlank()) {
            throw RegistryError.invalidSchema("{}: the schema is empty");
        }
        try {
            Schema schema = new Schema.Parser().parse(text);
            return new AvroSchemaText(schema, schema.toString());
        } catch (AvroRuntimeException | NullPointerException | IllegalArgumentException e) {
            throw RegistryError.invalidSchema(abbreviate(text) + ", details: " + e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
