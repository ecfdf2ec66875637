package dev.newsflow.bench.feeds;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run printed: requests/s, transfer/s, latency percentiles (with {@code --latency}),
 * and the errors it counts (non-2xx/3xx answers, socket errors).
 */
public record WrkResult(double requestsPerSecond, double bytesPerSecond, long requests, double p50Millis,
                        double p99Millis, long non2xx3xx, long socketErrors) {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TRANSFER = Pattern.compile("Transfer/sec:\\s+([\\d.]+)([KMG]?B)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    public static WrkResult parse(String output) {
        Matcher rps = REQUESTS_PER_SECOND.matcher(output);
        if (!rps.find()) {
            throw new IllegalArgumentException("wrk printed no Requests/sec line:\n" + output);
        }
        double transfer = 0;
        Matcher t = TRANSFER.matcher(output);
        if (t.find()) {
            transfer = Double.parseDouble(t.group(1)) * switch (t.group(2)) {
                case "KB" -> 1024.0;
                case "MB" -> 1024.0 * 1024;
                case "GB" -> 1024.0 * 1024 * 1024;
                default -> 1.0;
            };
        }
        Matcher total = TOTAL.matcher(output);
        long requests = total.find() ? Long.parseLong(total.group(1)) : 0;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000.0;
                default -> 1.0;
            };
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        long bad = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        Matcher socket = SOCKET_ERRORS.matcher(output);
        long socketErrors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        if (requests == 0) {
            // wrk prints 0.00us percentiles when nothing completed: not a latency
            p50 = Double.NaN;
            p99 = Double.NaN;
        }
        return new WrkResult(Double.parseDouble(rps.group(1)), transfer, requests, p50, p99, bad, socketErrors);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f req/s, p50 %.2f ms, p99 %.2f ms, %d non-2xx/3xx, %d socket errors",
                requestsPerSecond, p50Millis, p99Millis, non2xx3xx, socketErrors);
    }
}
