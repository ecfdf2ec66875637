package dev.newsflow.bench.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The deterministic list of POSTs of one load run. Duplicates re-send the latest version of an
 * earlier story byte for byte (ingest must answer them as repeats and write nothing); updates
 * send a revised body for the same guid/URL/headline (a new version). Targets are chosen at
 * least {@link #MIN_TARGET_DISTANCE} submissions back where possible, so that the story they
 * refer to has usually been accepted before they are sent.
 */
public final class SubmissionPlan {
    static final int MIN_TARGET_DISTANCE = 32;

    private final List<Submission> submissions;

    private SubmissionPlan(List<Submission> submissions) {
        this.submissions = Collections.unmodifiableList(submissions);
    }

    public static SubmissionPlan generate(CorpusGenerator generator, int count, CorpusMix mix) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
        SplittableRandom random = new SplittableRandom(generator.seed() ^ 0x5DEECE66DL);
        List<Submission> plan = new ArrayList<>(count);
        List<Integer> stories = new ArrayList<>();
        Map<Integer, Submission> latestOfStory = new HashMap<>();
        Map<Integer, Integer> revisions = new HashMap<>();
        int nextIndex = 0;
        for (int sequence = 0; sequence < count; sequence++) {
            int roll = random.nextInt(100);
            Submission.Kind kind = Submission.Kind.NEW;
            if (!stories.isEmpty() && roll < mix.duplicatePercent()) {
                kind = Submission.Kind.DUPLICATE;
            } else if (!stories.isEmpty() && roll < mix.duplicatePercent() + mix.updatePercent()) {
                kind = Submission.Kind.UPDATE;
            }
            Submission submission;
            if (kind == Submission.Kind.NEW) {
                CorpusArticle article = generator.article(nextIndex, mix.shape(random.nextInt(1 << 30)),
                        mix.length(random.nextInt(1 << 30)));
                submission = new Submission(sequence, kind, article, article.payload(), -1);
                stories.add(nextIndex);
                nextIndex++;
            } else {
                int story = pickStory(random, stories, latestOfStory, sequence);
                Submission latest = latestOfStory.get(story);
                if (kind == Submission.Kind.DUPLICATE) {
                    submission = new Submission(sequence, kind, latest.article(), latest.payload(), latest.sequence());
                } else {
                    int revision = revisions.merge(story, 1, Integer::sum);
                    CorpusArticle revised = generator.revision(latest.article(), revision);
                    submission = new Submission(sequence, kind, revised, revised.payload(), latest.sequence());
                }
            }
            if (kind != Submission.Kind.DUPLICATE) {
                latestOfStory.put(submission.article().index(), submission);
            }
            plan.add(submission);
        }
        return new SubmissionPlan(plan);
    }

    private static int pickStory(SplittableRandom random, List<Integer> stories, Map<Integer, Submission> latest,
                                 int sequence) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int story = stories.get(random.nextInt(stories.size()));
            if (sequence - latest.get(story).sequence() >= MIN_TARGET_DISTANCE) {
                return story;
            }
        }
        return stories.get(random.nextInt(stories.size()));
    }

    public List<Submission> submissions() {
        return submissions;
    }

    public int size() {
        return submissions.size();
    }

    public Map<Submission.Kind, Integer> countsByKind() {
        Map<Submission.Kind, Integer> counts = new EnumMap<>(Submission.Kind.class);
        submissions.forEach(s -> counts.merge(s.kind(), 1, Integer::sum));
        return counts;
    }

    public Map<ArticleShape, Integer> countsByShape() {
        Map<ArticleShape, Integer> counts = new EnumMap<>(ArticleShape.class);
        submissions.forEach(s -> counts.merge(s.article().shape(), 1, Integer::sum));
        return counts;
    }

    /** Payload sizes in bytes (UTF-8), one per submission: the raw-Kafka baseline sends records of these sizes. */
    public int[] payloadSizes() {
        int[] sizes = new int[submissions.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = submissions.get(i).payload().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return sizes;
    }
}
