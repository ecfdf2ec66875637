/**
 * Benchmarks of newsflow: JMH micro-benchmarks, the end-to-end load generator with its
 * raw-Kafka baseline, the feed-serving benchmark against nginx, and memory probes.
 * Library code logs with SLF4J; the {@code newsflow bench} commands print the reports.
 */
package dev.newsflow.bench;
