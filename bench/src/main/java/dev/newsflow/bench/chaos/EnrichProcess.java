package dev.newsflow.bench.chaos;

import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.EnrichService;
import dev.newsflow.platform.lifecycle.RunUntilStopped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The enrich service alone in a JVM of its own, for the chaos benchmark to kill with SIGKILL: settings as
 * {@code key=value} arguments. Prints {@value #READY} with its health port once Kafka Streams is started, so the
 * benchmark knows when the next kill can come.
 */
public final class EnrichProcess {
    static final String READY = "enrich-process-ready";

    private EnrichProcess() {
    }

    public static void main(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected key=value, got '" + arg + "'");
            }
            settings.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        EnrichService service = EnrichService.start(new EnrichConfig(settings));
        // The parent reads this line from the pipe; a log line could be filtered or reformatted.
        System.out.println(READY + " " + service.port());
        System.out.flush();
        RunUntilStopped.await("enrich process", service);
    }
}
