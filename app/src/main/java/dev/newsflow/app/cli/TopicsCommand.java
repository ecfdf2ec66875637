package dev.newsflow.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.ops.OpsTools;
import dev.newsflow.ops.lag.GroupLag;
import dev.newsflow.ops.lag.LagReport;
import dev.newsflow.ops.lag.PartitionLag;
import dev.newsflow.ops.topics.TailRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsflow topics tail|lag}: read any topic decoded through the registry, and every group's lag. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Look at newsflow's topics: records decoded through the schema registry, consumer lag.",
        subcommands = {TopicsCommand.Tail.class, TopicsCommand.Lag.class})
public final class TopicsCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "tail", mixinStandardHelpOptions = true,
            description = {"Print records of a topic, one JSON object a line: topic, partition, offset, timestamp, "
                    + "key, headers and the value decoded through the schema registry (Confluent-framed Avro); a "
                    + "value that is not Avro is shown as text or base64 (valueFormat says which).",
                    "Without --from-beginning or --offset: the last --max records (default 10), or with --follow "
                            + "only new ones. Joins no consumer group and commits nothing."})
    static final class Tail implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OpsOptions ops;

        @Parameters(paramLabel = "TOPIC", description = "e.g. articles-enriched, articles-dead-letter")
        String topic;

        @Option(names = "--from-beginning", description = "Start at the first record.")
        boolean fromBeginning;

        @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
        Integer max;

        @Option(names = {"-f", "--follow"}, description = "Keep printing records as they arrive (Ctrl-C stops).")
        boolean follow;

        @Option(names = "--key", paramLabel = "K", description = "Only records with this key (an article id).")
        String key;

        @Option(names = "--partition", paramLabel = "P", description = "Only this partition.")
        Integer partition;

        @Option(names = "--offset", paramLabel = "O", description = "Start at this offset of --partition.")
        Long offset;

        @Option(names = "--pretty", description = "Indent each record over several lines.")
        boolean pretty;

        @Override
        public Integer call() {
            TailRequest request;
            try {
                request = new TailRequest(topic, fromBeginning, max, follow, key, partition, offset);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("newsflow topics tail: " + e.getMessage());
                return 2;
            }
            PrintWriter out = spec.commandLine().getOut();
            ObjectWriter writer = pretty ? JSON.writerWithDefaultPrettyPrinter() : JSON.writer();
            AtomicBoolean stopped = new AtomicBoolean();
            Thread stopOnExit = new Thread(() -> stopped.set(true), "tail-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try (OpsTools tools = ops.tools()) {
                tools.tail(request, record -> {
                    try {
                        out.println(writer.writeValueAsString(record));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                    out.flush();
                }, stopped::get);
            } finally {
                removeHook(stopOnExit);
            }
            return 0;
        }

        private static void removeHook(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook has run
            }
        }
    }

    @Command(name = "lag", mixinStandardHelpOptions = true,
            description = {"Consumer lag of every group on the cluster (enrich, syndicate's feed state and push, "
                    + "any other): per topic-partition the committed offset, the end (last stable) offset and the "
                    + "lag, with the group's state.",
                    "Exits 1 when a group newsflow owns (ops.owned.groups) has no group on the cluster."})
    static final class Lag implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OpsOptions ops;

        @Option(names = "--json", description = "One JSON document instead of a table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            LagReport report;
            try (OpsTools tools = ops.tools()) {
                report = tools.lag();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report)));
            } else {
                printTable(report, out);
            }
            if (!report.missingOwned().isEmpty()) {
                spec.commandLine().getErr().println("newsflow topics lag: no consumer group on the cluster for "
                        + String.join(", ", report.missingOwned()) + " (is that service running, or was it ever?)");
                return 1;
            }
            return 0;
        }

        private static void printTable(LagReport report, PrintWriter out) {
            TextColumns table = new TextColumns("GROUP", "STATE", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG");
            for (GroupLag group : report.groups()) {
                if (group.partitions().isEmpty()) {
                    table.row(group.groupId(), group.state(), "-", "-", "-", "-", "-");
                }
                for (PartitionLag partition : group.partitions()) {
                    table.row(group.groupId(), group.state(), partition.topic(),
                            Integer.toString(partition.partition()),
                            partition.committed() == null ? "-" : Long.toString(partition.committed()),
                            Long.toString(partition.end()), Long.toString(partition.lag()));
                }
            }
            table.print(out);
            for (String missing : report.missingOwned()) {
                out.println("missing: " + missing + " (a group newsflow owns)");
            }
        }

        private static ObjectNode toJson(LagReport report) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode groups = root.putArray("groups");
            for (GroupLag group : report.groups()) {
                ObjectNode node = groups.addObject();
                node.put("group", group.groupId());
                node.put("type", group.type());
                node.put("state", group.state());
                node.put("ownedAs", group.ownedAs());
                node.put("lag", group.totalLag());
                ArrayNode partitions = node.putArray("partitions");
                for (PartitionLag partition : group.partitions()) {
                    ObjectNode p = partitions.addObject();
                    p.put("topic", partition.topic());
                    p.put("partition", partition.partition());
                    if (partition.committed() == null) {
                        p.putNull("committed");
                    } else {
                        p.put("committed", partition.committed());
                    }
                    p.put("end", partition.end());
                    p.put("lag", partition.lag());
                }
            }
            ArrayNode missing = root.putArray("missingOwned");
            report.missingOwned().forEach(missing::add);
            return root;
        }
    }
}
