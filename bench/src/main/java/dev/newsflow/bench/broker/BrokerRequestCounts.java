package dev.newsflow.bench.broker;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Requests a Kafka broker has handled, by kind, as {@link BrokerRequestProbe} read them; or the difference of two. */
public record BrokerRequestCounts(Map<String, Long> byRequest) {
    /**
     * Meters that count a part of another kind's requests again: the broker meters every fetch as {@code Fetch}
     * and also as {@code FetchConsumer} or {@code FetchFollower}.
     */
    private static final Set<String> SUBSETS = Set.of("FetchConsumer", "FetchFollower");

    public BrokerRequestCounts {
        byRequest = Map.copyOf(byRequest);
    }

    static boolean countedApart(String request) {
        return request != null && !SUBSETS.contains(request);
    }

    /** The requests handled since {@code earlier}, by kind, without kinds that had none. */
    public BrokerRequestCounts since(BrokerRequestCounts earlier) {
        Map<String, Long> difference = new TreeMap<>();
        byRequest.forEach((request, count) -> {
            long handled = count - earlier.byRequest.getOrDefault(request, 0L);
            if (handled > 0) {
                difference.put(request, handled);
            }
        });
        return new BrokerRequestCounts(difference);
    }

    public long total() {
        return byRequest.values().stream().mapToLong(Long::longValue).sum();
    }

    public long of(String request) {
        return byRequest.getOrDefault(request, 0L);
    }
}
