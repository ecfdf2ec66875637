package dev.newsflow.bench.memory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** What a process's threads used between two readings of a running total per thread (CPU time, bytes allocated). */
final class ThreadTotals {
    private ThreadTotals() {
    }

    /**
     * The growth of each thread's total between {@code earlier} and {@code now}, summed by component (of the
     * thread's current name), largest first. Threads that started after {@code earlier} count from zero; threads
     * that ended in between are not seen; a smaller total than before means the thread's id was given to a new
     * thread, which then counts from zero too.
     */
    static <T> Map<CpuComponent, Double> sinceByComponent(Map<Long, T> now, Map<Long, T> earlier,
                                                          Function<T, String> name, ToDoubleFunction<T> total) {
        Map<CpuComponent, Double> byComponent = new HashMap<>();
        now.forEach((id, thread) -> {
            T before = earlier.get(id);
            double current = total.applyAsDouble(thread);
            double used = before != null && current >= total.applyAsDouble(before)
                    ? current - total.applyAsDouble(before) : current;
            byComponent.merge(CpuComponent.of(name.apply(thread)), used, Double::sum);
        });
        Map<CpuComponent, Double> sorted = new LinkedHashMap<>();
        byComponent.entrySet().stream().sorted(Map.Entry.<CpuComponent, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
