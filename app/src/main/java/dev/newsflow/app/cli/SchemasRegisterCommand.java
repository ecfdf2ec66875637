package dev.newsflow.app.cli;

import dev.newsflow.schemas.registry.SchemaRegistration;
import dev.newsflow.schemas.registry.SchemaRegistrationException;
import dev.newsflow.schemas.topics.Schemas;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register the value schema of every newsflow topic (subjects <topic>-value) under "
                + "BACKWARD_TRANSITIVE compatibility. Every schema is checked first: if the registry refuses one, "
                + "nothing is registered and its reason is printed."})
public final class SchemasRegisterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--schema-registry-url", required = true, paramLabel = "URL",
            defaultValue = "${env:NEWSFLOW_SCHEMA_REGISTRY_URL}",
            description = "The registry (env NEWSFLOW_SCHEMA_REGISTRY_URL).")
    String registryUrl;

    @Option(names = "--dry-run", description = "Only check compatibility; register nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SchemaRegistration registration = SchemaRegistration.forUrl(registryUrl);
        if (dryRun) {
            Map<String, List<String>> problems = registration.check(Schemas.valueSchemasBySubject());
            problems.forEach((subject, messages) -> out.printf("%-34s %s%n", subject,
                    messages.isEmpty() ? "compatible" : "INCOMPATIBLE: " + String.join("; ", messages)));
            return problems.values().stream().allMatch(List::isEmpty) ? 0 : 1;
        }
        try {
            for (SchemaRegistration.Result result : registration.registerAll()) {
                out.printf("%-34s id %-4d version %-3d %s%n", result.subject(), result.id(), result.version(),
                        result.level());
            }
            return 0;
        } catch (SchemaRegistrationException e) {
            err.println("newsflow schemas register: " + e.getMessage());
            return 1;
        }
    }
}
