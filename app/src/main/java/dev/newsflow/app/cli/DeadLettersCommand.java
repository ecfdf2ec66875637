package dev.newsflow.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.ops.OpsTools;
import dev.newsflow.ops.deadletters.DeadLetterEntry;
import dev.newsflow.ops.deadletters.DeadLetterFilter;
import dev.newsflow.ops.deadletters.DeadLetterId;
import dev.newsflow.ops.deadletters.ReplayOutcome;
import dev.newsflow.ops.deadletters.ReplayResult;
import dev.newsflow.schema.DeadLetterReplay;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsflow dead-letters list|replay}: what could not be processed, and sending it through again. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = {"List the records newsflow could not process, and replay them to where they came from.",
                "A dead letter's id is its place on the dead-letter topic: articles-dead-letter/<partition>/<offset>."},
        subcommands = {DeadLettersCommand.ListDeadLetters.class, DeadLettersCommand.Replay.class})
public final class DeadLettersCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_WIDTH = 90;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Dead letters, oldest first: id, when, service, stage, source topic/partition/offset, "
                    + "error, and for those replayed where the record went and what became of it.")
    static final class ListDeadLetters implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OpsOptions ops;

        @Option(names = "--since", paramLabel = "WHEN", converter = SinceConverter.class,
                description = "Only those that failed since then: 90s, 15m, 1h, 7d or an instant.")
        Instant since;

        @Option(names = "--stage", paramLabel = "S", description = "Only this stage (deserialization, validation, "
                + "cleanup, enrichment, serialization, webhook, ...).")
        String stage;

        @Option(names = "--service", paramLabel = "S", description = "Only this service (enrich, syndicate, ...).")
        String service;

        @Option(names = "--json", description = "One JSON object a line, errors in full.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (OpsTools tools = ops.tools()) {
                List<DeadLetterEntry> entries = tools.deadLetters(new DeadLetterFilter(since, stage, service, Set.of()));
                Map<String, DeadLetterReplay> replays = tools.replays();
                List<DeadLetterReplay> listedReplays = entries.stream().map(e -> replays.get(e.id().toString()))
                        .filter(r -> r != null).collect(Collectors.toList());
                Map<String, ReplayOutcome> outcomes = tools.outcomes(listedReplays, Duration.ZERO);
                if (json) {
                    for (DeadLetterEntry entry : entries) {
                        out.println(JSON.writeValueAsString(toJson(entry, replays.get(entry.id().toString()),
                                outcomes.get(entry.id().toString()))));
                    }
                } else {
                    TextColumns table = new TextColumns("ID", "FAILED AT", "SERVICE", "STAGE", "SOURCE", "ERROR",
                            "REPLAYED");
                    for (DeadLetterEntry entry : entries) {
                        DeadLetterReplay replay = replays.get(entry.id().toString());
                        table.row(entry.id().toString(), entry.failedAt().toString(), entry.service(), entry.stage(),
                                entry.source(), shorten(entry.errorMessage()), replay == null ? "-"
                                        : "to " + target(replay) + ": " + brief(outcomes.getOrDefault(
                                        entry.id().toString(), ReplayOutcome.PENDING)));
                    }
                    table.print(out);
                    out.printf("%d dead letter%s%n", entries.size(), entries.size() == 1 ? "" : "s");
                }
            }
            out.flush();
            return 0;
        }

        private static ObjectNode toJson(DeadLetterEntry entry, DeadLetterReplay replay, ReplayOutcome outcome) {
            ObjectNode node = JSON.createObjectNode();
            node.put("id", entry.id().toString());
            node.put("key", entry.key());
            node.put("failedAt", entry.failedAt().toString());
            node.put("service", entry.service());
            node.put("stage", entry.stage());
            node.put("source", entry.source());
            node.put("errorClass", entry.errorClass());
            node.put("error", entry.errorMessage());
            if (replay != null) {
                ObjectNode replayed = node.putObject("replayed");
                replayed.put("to", target(replay));
                replayed.put("at", replay.getReplayedAt().toString());
                replayed.put("by", replay.getReplayedBy());
                replayed.put("outcome", outcome == null ? ReplayOutcome.PENDING.describe() : outcome.describe());
            }
            return node;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Republish dead letters' original bytes to the topic and partition they came from, with "
                    + "the header newsflow-replay-of naming the dead letter, and report what became of each "
                    + "(enriched again, or dead again with the new reason).",
                    "Each replay is recorded in the compacted dead-letter-replays topic in the same transaction, so "
                            + "a dead letter is never replayed twice."})
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OpsOptions ops;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Selection selection;

        @Option(names = "--service", paramLabel = "S", description = "With --stage or --all: only this service.")
        String service;

        @Option(names = "--since", paramLabel = "WHEN", converter = SinceConverter.class,
                description = "With --stage or --all: only those that failed since then.")
        Instant since;

        @Option(names = "--dry-run", description = "Only say what would be replayed.")
        boolean dryRun;

        @Option(names = "--wait", paramLabel = "SECONDS",
                description = "How long to wait for what became of each record (default: ops.replay.wait.ms, 30 s).")
        Integer waitSeconds;

        static final class Selection {
            @Option(names = "--id", paramLabel = "ID", split = ",", arity = "1..*", required = true,
                    description = "Dead letters by id (articles-dead-letter/<partition>/<offset>); repeatable.")
            List<String> ids;

            @Option(names = "--stage", paramLabel = "S", required = true, description = "Every dead letter of a stage.")
            String stage;

            @Option(names = "--all", required = true, description = "Every dead letter.")
            boolean all;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<DeadLetterId> ids = new ArrayList<>();
            try {
                if (selection.ids != null) {
                    selection.ids.forEach(id -> ids.add(DeadLetterId.parse(id.trim())));
                }
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("newsflow dead-letters replay: " + e.getMessage());
                return 2;
            }
            List<ReplayResult> results;
            try (OpsTools tools = ops.tools()) {
                Duration wait = waitSeconds == null ? tools.config().replayWait() : Duration.ofSeconds(waitSeconds);
                String by = OpsOptions.requester();
                results = !ids.isEmpty() ? tools.replayIds(ids, dryRun, by, wait)
                        : tools.replayMatching(new DeadLetterFilter(since, selection.stage, service, Set.of()),
                        dryRun, by, wait);
            }
            Map<ReplayResult.Status, Integer> counts = new EnumMap<>(ReplayResult.Status.class);
            for (ReplayResult result : results) {
                counts.merge(result.status(), 1, Integer::sum);
                out.println(describe(result));
            }
            out.println(counts.isEmpty() ? "nothing to replay" : counts.entrySet().stream()
                    .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
            out.flush();
            return counts.containsKey(ReplayResult.Status.FAILED) || counts.containsKey(ReplayResult.Status.NOT_FOUND)
                    ? 1 : 0;
        }

        private static String describe(ReplayResult result) {
            String what = switch (result.status()) {
                case REPLAYED -> "replayed to " + result.target();
                case ALREADY_REPLAYED -> "already replayed to " + result.target() + " (" + result.detail()
                        + "), not again";
                case WOULD_REPLAY -> "would be replayed (dry run)";
                case NOT_REPLAYABLE -> "not replayable: " + result.detail();
                case NOT_FOUND -> "not found: " + result.detail();
                case FAILED -> "FAILED: " + result.detail();
            };
            String outcome = result.outcome() == null ? "" : " -> " + result.outcome().describe();
            return result.id() + "  " + what + outcome;
        }
    }

    /** The outcome without its reason: a dead-again record's reason is on its own row. */
    private static String brief(ReplayOutcome outcome) {
        return outcome.kind().label() + (outcome.where() == null ? ""
                : (outcome.kind() == ReplayOutcome.Kind.DEAD_AGAIN ? " as " : " at ") + outcome.where());
    }

    private static String target(DeadLetterReplay replay) {
        return replay.getTargetTopic() + "/" + replay.getTargetPartition() + "/" + replay.getTargetOffset();
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= ERROR_WIDTH ? oneLine : oneLine.substring(0, ERROR_WIDTH - 1) + "…";
    }
}
