package dev.newsflow.platform.lifecycle;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the JVM up until Ctrl-C (or SIGTERM), then closes what was started, quietly and in order. */
public final class RunUntilStopped {
    private static final Logger LOG = LoggerFactory.getLogger(RunUntilStopped.class);

    private RunUntilStopped() {
    }

    public static void await(String what, AutoCloseable running) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("stopping {}", what);
            try {
                running.close();
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", what, e.toString());
            }
            stopped.countDown();
        }, "newsflow-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
