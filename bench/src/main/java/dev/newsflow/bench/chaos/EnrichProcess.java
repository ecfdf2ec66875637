package dev.newsflow.bench.chaos;

import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.EnrichService;
import dev.newsflow.platform.lifecycle.RunUntilStopped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The enrich service alone in a JVM of its own, for the chaos benchmark to kill with SIGKILL: settings as
 * {@code key=value} arguments. The benchmark knows it is ready (and the next kill can come) from its
 * {@code /health/ready}.
 */
public final class EnrichProcess {
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
        RunUntilStopped.await("enrich process", service);
    }
}
