package dev.newsflow.app.local;

import dev.newsflow.platform.registry.SchemaRegistration;

/** Registers the project's value schemas, as {@code newsflow schemas register} does for a cluster. */
final class SchemaSetup {
    private SchemaSetup() {
    }

    static void registerAll(String registryUrl) {
        SchemaRegistration.forUrl(registryUrl).registerAll();
    }
}
