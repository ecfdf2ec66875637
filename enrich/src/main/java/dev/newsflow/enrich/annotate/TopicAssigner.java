package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.Topic;
import java.util.List;

/**
 * Chooses the IPTC Media Topics of an article from its {@link TopicEvidence}. Implementations are
 * thread-safe and emit live concepts only, each with qcode, label, level, parent chain and score.
 */
public interface TopicAssigner {

    List<Topic> assign(TopicEvidence evidence);
}
