package dev.newsflow.ingest.submit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per article id, so that only submissions of the same article wait for each other
 * (across a whole Kafka round trip) while different articles never do. A lock exists only while
 * some thread holds it or waits for it: the map stays as small as the number of articles in flight.
 */
final class ArticleLocks {
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** A lock and how many threads hold or wait for it; {@code users} changes only inside the map's compute. */
    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock();
        private int users;
    }

    /** A held lock; release it in a finally block. */
    final class Held {
        private final String articleId;
        private final Entry entry;

        private Held(String articleId, Entry entry) {
            this.articleId = articleId;
            this.entry = entry;
        }

        void release() {
            entry.lock.unlock();
            unuse(articleId);
        }
    }

    /** Waits until no other thread holds the lock of this article, then holds it. */
    Held hold(String articleId) {
        Entry entry = use(articleId);
        entry.lock.lock();
        return new Held(articleId, entry);
    }

    /** Holds the lock of this article if no other thread holds it; null (and nothing held) if one does. */
    Held tryHold(String articleId) {
        Entry entry = use(articleId);
        if (entry.lock.tryLock()) {
            return new Held(articleId, entry);
        }
        unuse(articleId);
        return null;
    }

    // Counting the user inside compute keeps an entry from being removed between lookup and lock().
    private Entry use(String articleId) {
        return entries.compute(articleId, (id, current) -> {
            Entry used = current == null ? new Entry() : current;
            used.users++;
            return used;
        });
    }

    private void unuse(String articleId) {
        entries.computeIfPresent(articleId, (id, current) -> --current.users == 0 ? null : current);
    }

    /** Articles whose lock is held or waited for right now. */
    int inUse() {
        return entries.size();
    }
}
