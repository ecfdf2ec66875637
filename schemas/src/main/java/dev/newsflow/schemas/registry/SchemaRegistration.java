package dev.newsflow.schemas.registry;

import dev.newsflow.schemas.topics.Schemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers newsflow's value schemas in a Confluent-compatible registry: what
 * {@code newsflow schemas register --schema-registry-url …} does before services start, since
 * services do not register schemas themselves in production ({@code auto.register.schemas=false}).
 *
 * <p>Every subject runs under {@link #LEVEL BACKWARD_TRANSITIVE}: a new schema must read what
 * <em>every</em> earlier version wrote, not only the latest, because newsflow's readers meet old
 * records long after the schema moved on: {@code partner-subscriptions} is compacted and
 * re-read from the beginning at every start, dead letters are replayed days later, and a
 * Streams application reset re-reads {@code articles-submitted} from the start. Backward (rather
 * than forward) fits the deploy order: the consumers (enrich, syndicate) are upgraded with or
 * before the producers. A subject already held to {@code FULL_TRANSITIVE} is left there, since
 * that is stricter still.
 *
 * <p>The run is all or nothing as far as the registry allows: every subject's level is set and
 * every schema checked ({@code POST /compatibility/…?verbose=true}) before anything is
 * registered, and the first incompatibility fails the run with the registry's own explanation.
 */
public final class SchemaRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistration.class);

    /** The level every newsflow subject is held to; see the class comment for why. */
    public static final CompatibilityLevel LEVEL = CompatibilityLevel.BACKWARD_TRANSITIVE;
    private static final Set<CompatibilityLevel> STRICT_ENOUGH =
            Set.of(CompatibilityLevel.BACKWARD_TRANSITIVE, CompatibilityLevel.FULL_TRANSITIVE);

    /** One subject's outcome, for the CLI to print. */
    public record Result(String subject, int id, int version, CompatibilityLevel level) {
    }

    private final SchemaRegistryClient registry;

    public SchemaRegistration(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** Against the registry at this URL (comma-separated URLs are tried in order). */
    public static SchemaRegistration forUrl(String schemaRegistryUrl) {
        return new SchemaRegistration(new RestSchemaRegistryClient(schemaRegistryUrl));
    }

    /** Registers every value schema of {@link Schemas#valueSchemasBySubject()}. */
    public List<Result> registerAll() {
        return register(Schemas.valueSchemasBySubject());
    }

    /**
     * Sets each subject's level, checks every schema, then registers them all.
     *
     * @throws SchemaRegistrationException naming each incompatible subject with the registry's message
     */
    public List<Result> register(Map<String, Schema> schemasBySubject) {
        Map<String, CompatibilityLevel> levels = new LinkedHashMap<>();
        schemasBySubject.keySet().forEach(subject -> levels.put(subject, holdToLevel(subject)));

        Map<String, List<String>> problems = new LinkedHashMap<>(check(schemasBySubject));
        problems.values().removeIf(List::isEmpty);
        if (!problems.isEmpty()) {
            throw new SchemaRegistrationException(problems);
        }

        List<Result> results = new ArrayList<>();
        schemasBySubject.forEach((subject, schema) -> {
            int id = registry.register(subject, schema);
            RegisteredSchema registered = registry.lookup(subject, schema);
            LOG.info("schema of {} registered: id {}, version {}, compatibility {}", subject, id,
                    registered.version(), levels.get(subject));
            results.add(new Result(subject, id, registered.version(), levels.get(subject)));
        });
        return results;
    }

    /**
     * A dry run: for every subject, why its schema could not be registered by
     * {@link #register} (empty list: it could). Changes nothing in the registry. The registry's
     * own test runs under the subject's current level; where that is weaker than
     * {@link #LEVEL}, which a real run would set first, the schema is also held against every
     * live version locally, with the same checker the registry uses.
     */
    public Map<String, List<String>> check(Map<String, Schema> schemasBySubject) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        schemasBySubject.forEach((subject, schema) -> {
            List<String> found = new ArrayList<>(registry.incompatibilities(subject, schema));
            if (!STRICT_ENOUGH.contains(registry.getCompatibility(subject))) {
                SchemaCompatibilityChecker.incompatibilities(LEVEL, schema, liveVersions(subject)).stream()
                        .filter(problem -> !found.contains(problem)).forEach(found::add);
            }
            problems.put(subject, found);
        });
        return problems;
    }

    private List<Schema> liveVersions(String subject) {
        List<Schema> schemas = new ArrayList<>();
        List<Integer> versions;
        try {
            versions = registry.versions(subject);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return schemas; // a new subject: nothing to be compatible with
            }
            throw e;
        }
        versions.forEach(v -> schemas.add(registry.getVersion(subject, v).schema()));
        return schemas;
    }

    private CompatibilityLevel holdToLevel(String subject) {
        CompatibilityLevel current = registry.getCompatibility(subject);
        if (STRICT_ENOUGH.contains(current)) {
            return current;
        }
        registry.setCompatibility(subject, LEVEL);
        return LEVEL;
    }
}
