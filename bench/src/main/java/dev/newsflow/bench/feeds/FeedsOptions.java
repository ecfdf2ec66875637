package dev.newsflow.bench.feeds;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of {@code newsflow bench feeds}.
 *
 * @param feedUrls the syndicator's feed URLs to load (e.g. the .rss, .atom and .json of one partner feed; a
 *                 {@code ?token=} in the URL is kept); loopback or your own test hosts only
 * @param token partner token sent as {@code Authorization: Bearer}, or null when the URLs carry it
 * @param duration how long each wrk run lasts
 * @param connections wrk's open connections ({@code -c})
 * @param threads wrk's threads ({@code -t})
 * @param runs repetitions of every (server, response) pair, interleaved; figures are median (min–max)
 * @param nginxWorkers nginx worker processes (the syndicator's JVM may use every core, so by default nginx may too)
 * @param syndicatorPid the syndicator's process, whose CPU per answer is then reported beside nginx's; 0 if unknown
 * @param warmup how long wrk loads the syndicator with each (feed, response) pair once before the measured runs,
 *               unmeasured: without it the first pairs measured paid for the JIT compiling the serving paths
 *               (zero: none)
 */
public record FeedsOptions(List<URI> feedUrls, String token, Duration duration, int connections, int threads,
                           int runs, int nginxWorkers, long syndicatorPid, Duration warmup) {

    public FeedsOptions {
        feedUrls = List.copyOf(feedUrls);
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        if (feedUrls.isEmpty() || connections < 1 || threads < 1 || threads > connections || runs < 1
                || nginxWorkers < 1 || syndicatorPid < 0 || warmup.isNegative()) {
            throw new IllegalArgumentException("need a feed URL, connections >= threads >= 1, runs >= 1, "
                    + "workers >= 1, a pid >= 0, a warm-up >= 0");
        }
    }

    /**
     * BENCHMARKS.md settings: 3 runs of 2 s each after a 2 s warm-up, 32 connections on 2 wrk threads, 2 nginx
     * workers.
     */
    public static FeedsOptions standard(List<URI> feedUrls, String token) {
        return new FeedsOptions(feedUrls, token, Duration.ofSeconds(2), 32, 2, 3, 2, 0, Duration.ofSeconds(2));
    }

    /** A check that the benchmark works (for mvn verify): one 1 s run of each pair after a 1 s warm-up. */
    public static FeedsOptions smoke(List<URI> feedUrls, String token) {
        return new FeedsOptions(feedUrls, token, Duration.ofSeconds(1), 4, 1, 1, 1, 0, Duration.ofSeconds(1));
    }

    public FeedsOptions withRuns(int count) {
        return new FeedsOptions(feedUrls, token, duration, connections, threads, count, nginxWorkers, syndicatorPid,
                warmup);
    }

    public FeedsOptions withDuration(Duration value) {
        return new FeedsOptions(feedUrls, token, value, connections, threads, runs, nginxWorkers, syndicatorPid,
                warmup);
    }

    public FeedsOptions withConnections(int value, int wrkThreads) {
        return new FeedsOptions(feedUrls, token, duration, value, wrkThreads, runs, nginxWorkers, syndicatorPid,
                warmup);
    }

    public FeedsOptions withSyndicatorPid(long pid) {
        return new FeedsOptions(feedUrls, token, duration, connections, threads, runs, nginxWorkers, pid, warmup);
    }

    public FeedsOptions withWarmup(Duration value) {
        return new FeedsOptions(feedUrls, token, duration, connections, threads, runs, nginxWorkers, syndicatorPid,
                value);
    }
}
