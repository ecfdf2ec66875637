package dev.newsflow.ops.lag;

import java.util.List;

/** Every consumer group on the cluster with its lag, newsflow's own first, and the owned groups that have none. */
public record LagReport(List<GroupLag> groups, List<String> missingOwned) {
    public LagReport {
        groups = List.copyOf(groups);
        missingOwned = List.copyOf(missingOwned);
    }
}
