package dev.newsflow.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * The health of one Kafka Streams application. Alive unless the client has stopped for good (ERROR, NOT_RUNNING,
 * or on its way there): a restart is then the only cure. Ready only while RUNNING and while its stream threads are
 * not dying one after another: a thread replaced after a failure leaves the client RUNNING, and a crash loop that
 * processes nothing would otherwise look healthy. Threads count as dying when {@code threshold} or more died
 * within {@code window}.
 *
 * <p>It learns of deaths by wrapping the application's uncaught-exception handler ({@link #watching}); it reads the
 * state on each check, so the application keeps its one state listener for itself.
 */
public final class StreamsHealth {
    public static final int DEFAULT_THRESHOLD = 2;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private final String name;
    private final KafkaStreams streams;
    private final Clock clock;
    private final int threshold;
    private final Duration window;
    private final Deque<Long> deaths = new ArrayDeque<>();

    public StreamsHealth(String name, KafkaStreams streams, Clock clock, int threshold, Duration window) {
        this.name = name;
        this.streams = streams;
        this.clock = clock;
        this.threshold = threshold;
        this.window = window;
    }

    public static StreamsHealth of(String name, KafkaStreams streams) {
        return new StreamsHealth(name, streams, Clock.systemUTC(), DEFAULT_THRESHOLD, DEFAULT_WINDOW);
    }

    public String name() {
        return name;
    }

    /** The application's handler, counting each thread death before it decides. Install it with setUncaughtExceptionHandler. */
    public StreamsUncaughtExceptionHandler watching(StreamsUncaughtExceptionHandler handler) {
        return failure -> {
            recordDeath();
            return handler.handle(failure);
        };
    }

    synchronized void recordDeath() {
        deaths.addLast(clock.millis());
        forgetOld();
    }

    public Check live() {
        KafkaStreams.State state = streams.state();
        boolean stopped = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING
                || state == KafkaStreams.State.PENDING_ERROR || state == KafkaStreams.State.PENDING_SHUTDOWN;
        return Check.of(!stopped, name + " is " + state);
    }

    public Check ready() {
        KafkaStreams.State state = streams.state();
        int recent = recentDeaths();
        List<String> problems = new ArrayList<>();
        if (state != KafkaStreams.State.RUNNING) {
            problems.add(name + " is " + state + ", not RUNNING");
        }
        if (recent >= threshold) {
            problems.add(name + ": " + recent + " stream threads died in the last " + window.toMinutes() + " min");
        }
        return problems.isEmpty() ? Check.UP : Check.down(String.join("; ", problems));
    }

    public synchronized int recentDeaths() {
        forgetOld();
        return deaths.size();
    }

    private void forgetOld() {
        long horizon = clock.millis() - window.toMillis();
        while (!deaths.isEmpty() && deaths.peekFirst() < horizon) {
            deaths.removeFirst();
        }
    }
}
