package dev.newsflow.bench.broker;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads how many requests of each kind the Kafka broker inside a process has handled, from the broker's own
 * meters ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec,request=…}). The broker's CPU per article
 * follows its requests more than its bytes (BENCHMARKS.md, issue 20): unlike CPU time, a count of requests per
 * article does not move when other work shares the machine, so producer, consumer and transaction settings can be
 * compared on it in one run each.
 *
 * <p>Another process is reached through the JDK's attach API (the same user, as for {@code jcmd}), which starts that
 * process's local JMX agent as jconsole does (local connections only; it stays until the process ends); this
 * process, whose broker a test may run, through its own platform MBean server.
 */
public final class BrokerRequestProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRequestProbe.class);
    private static final String REQUEST_METERS = "kafka.network:type=RequestMetrics,name=RequestsPerSec,request=*,*";

    private final MBeanServerConnection server;
    private final JMXConnector connector;

    private BrokerRequestProbe(MBeanServerConnection server, JMXConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** The probe of process {@code pid}, or empty (with a warning) when it cannot be reached. */
    public static Optional<BrokerRequestProbe> open(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return Optional.of(new BrokerRequestProbe(ManagementFactory.getPlatformMBeanServer(), null));
        }
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return Optional.of(new BrokerRequestProbe(connector.getMBeanServerConnection(), connector));
        } catch (Exception | LinkageError e) {
            LOG.warn("no broker request counts from process {}: {}", pid, e.toString());
            return Optional.empty();
        }
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

    @Override
    public void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException e) {
                LOG.debug("closing the JMX connection: {}", e.toString());
            }
        }
    }
}
