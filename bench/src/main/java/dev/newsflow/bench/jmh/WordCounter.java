package dev.newsflow.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Counts words processed; JMH reports it per second next to the articles/s score of the per-article benchmarks. */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class WordCounter {
    public long words;
}
