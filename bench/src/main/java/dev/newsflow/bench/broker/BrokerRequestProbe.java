package dev.newsflow.bench.broker;

import dev.newsflow.bench.jmx.ProcessJmx;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * Reads how many requests of each kind the Kafka broker inside a process has handled, from the broker's own
 * meters ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec,request=…}). The broker's CPU per article
 * follows its requests more than its bytes (BENCHMARKS.md, issue 20): unlike CPU time, a count of requests per
 * article does not move when other work shares the machine, so producer, consumer and transaction settings can be
 * compared on it in one run each.
 */
public final class BrokerRequestProbe {
    private static final String REQUEST_METERS = "kafka.network:type=RequestMetrics,name=RequestsPerSec,request=*,*";

    private final MBeanServerConnection server;

    public BrokerRequestProbe(ProcessJmx process) {
        this.server = process.server();
    }

    /** Requests handled so far by kind ({@code Produce}, {@code Fetch}, {@code EndTxn}, …); empty without a broker. */
    public BrokerRequestCounts snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        try {
            for (ObjectName meter : server.queryNames(new ObjectName(REQUEST_METERS), null)) {
                String request = meter.getKeyProperty("request");
                if (BrokerRequestCounts.countedApart(request)) {
                    // one meter per request version: a kind's count is their sum
                    counts.merge(request, ((Number) server.getAttribute(meter, "Count")).longValue(), Long::sum);
                }
            }
        } catch (IOException | JMException e) {
            throw new IllegalStateException("cannot read the broker's request meters: " + e, e);
        }
        return new BrokerRequestCounts(counts);
    }
}
