package dev.newsflow.app.cli;

import dev.newsflow.schemas.registry.SchemaRegistryClients;
import dev.newsflow.schemas.topics.Schemas;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register the value schema of every newsflow topic (TopicNameStrategy subjects).")
public final class SchemasRegisterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--schema-registry-url", required = true, paramLabel = "URL",
            defaultValue = "${env:NEWSFLOW_SCHEMA_REGISTRY_URL}", description = "The registry (env NEWSFLOW_SCHEMA_REGISTRY_URL).")
    String registryUrl;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var client = SchemaRegistryClients.forUrl(registryUrl);
        Schemas.valueSchemasBySubject().forEach((subject, schema) ->
                out.printf("%-40s id %d%n", subject, client.register(subject, schema)));
        return 0;
    }
}
