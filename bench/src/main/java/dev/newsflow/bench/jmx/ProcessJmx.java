package dev.newsflow.bench.jmx;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MBeans of the pipeline's process, for the benchmark's readings of what the process did (the broker's request
 * meters, the heap its threads allocated). Another process is reached through the JDK's attach API (the same user,
 * as for {@code jcmd}), which starts that process's local JMX agent as jconsole does (local connections only; it
 * stays until the process ends); this process, whose pipeline a test may run, through its own platform MBean server.
 */
public final class ProcessJmx implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessJmx.class);

    private final MBeanServerConnection server;
    private final JMXConnector connector;

    private ProcessJmx(MBeanServerConnection server, JMXConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** The MBeans of process {@code pid}, or empty (with a warning) when it cannot be reached. */
    public static Optional<ProcessJmx> open(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return Optional.of(new ProcessJmx(ManagementFactory.getPlatformMBeanServer(), null));
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
            return Optional.of(new ProcessJmx(connector.getMBeanServerConnection(), connector));
        } catch (Exception | LinkageError e) {
            LOG.warn("no JMX readings (broker requests, allocation) from process {}: {}", pid, e.toString());
            return Optional.empty();
        }
    }

    public MBeanServerConnection server() {
        return server;
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
