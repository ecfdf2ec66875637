package dev.newsflow.schemas.registry;

import org.apache.avro.Schema;

/** A schema as a registry holds it under one subject. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
