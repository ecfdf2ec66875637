package dev.newsflow.app.local;

import dev.newsflow.schemas.registry.SchemaRegistryClients;
import dev.newsflow.schemas.topics.Schemas;

/** Registers the project's value schemas, as {@code newsflow schemas register} does for a cluster. */
final class SchemaSetup {
    private SchemaSetup() {
    }

    static void registerAll(String registryUrl) {
        var client = SchemaRegistryClients.forUrl(registryUrl);
        Schemas.valueSchemasBySubject().forEach(client::register);
    }
}
