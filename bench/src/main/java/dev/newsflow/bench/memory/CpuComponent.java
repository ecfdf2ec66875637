package dev.newsflow.bench.memory;

import java.util.List;
import java.util.Locale;

/**
 * The part of {@code newsflow demo} a thread works for, told from its name. The services name their HTTP
 * pools ({@code ingest-http}, {@code syndicate-http}, ...) and Kafka Streams names its threads after the
 * application id, so the CPU of one process can be split between ingest, enrich, syndicate and the broker.
 * Streams threads are recognised by the default application ids ({@code newsflow-enrich},
 * {@code newsflow-syndicate} and ids starting so); others count as "other threads".
 * The kernel keeps only the first 15 characters of a thread's name; every rule below fits in them.
 */
public enum CpuComponent {
    INGEST_HTTP("ingest: HTTP handlers (parse, normalise, produce)", "ingest-http"),
    ENRICH_STREAMS("enrich: Kafka Streams threads", "newsflow-enrich"),
    SYNDICATE_STREAMS("syndicate: Kafka Streams threads (feed state, push)", "newsflow-syndic"),
    SYNDICATE_HTTP("syndicate: HTTP handlers (feeds served)", "syndicate-http"),
    OTHER_HTTP("other HTTP (health, registry, unnamed pools)", "enrich-http", "registry-http", "JettyServerThre",
            "qtp", "schema-registry"),
    ROCKSDB("RocksDB background threads (state stores)", "rocksdb:"),
    KAFKA_CLIENTS("Kafka client I/O threads (producers, consumers, admin)", "kafka-producer-", "kafka-coordinat",
            "consumer_backgr", "kafka-admin-cli", "kafka-consumer-"),
    BROKER("Kafka broker + controller (in-JVM KRaft)", "data-plane-", "group-coordinat", "TxnMarkerSender",
            "ExpirationReape", "executor-", "AddPartitionsTo", "quorum-control", "kafka-", "raft-",
            "LogDirFailureHa", "transaction-", "share-coordinat", "controller-", "broker-", "ReplicaFetcher",
            "metrics-meter-", "ReplicaAlterLog", "feature-zk-no", "kafka-scheduler", "BrokerLifecycle"),
    JIT("JIT compiler threads", "C1 CompilerThre", "C2 CompilerThre"),
    GC_AND_VM("GC and VM threads", "GC Thread", "G1 ", "VM Thread", "VM Periodic", "Sweeper", "Service Thread"),
    OTHER("other threads");

    private final String description;
    private final List<String> namePrefixes;

    CpuComponent(String description, String... namePrefixes) {
        this.description = description;
        this.namePrefixes = List.of(namePrefixes);
    }

    public String description() {
        return description;
    }

    /** The component of a thread name; the first matching rule wins, so client threads are told from the broker's. */
    public static CpuComponent of(String threadName) {
        String name = threadName.toLowerCase(Locale.ROOT);
        for (CpuComponent component : values()) {
            for (String prefix : component.namePrefixes) {
                if (name.startsWith(prefix.toLowerCase(Locale.ROOT))) {
                    return component;
                }
            }
        }
        return OTHER;
    }
}
