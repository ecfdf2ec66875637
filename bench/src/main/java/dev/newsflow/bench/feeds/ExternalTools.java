package dev.newsflow.bench.feeds;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds wrk and nginx (Debian packages {@code wrk}, {@code nginx-light}) on PATH or in the sbin directories. */
public final class ExternalTools {
    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");

    private ExternalTools() {
    }

    public static Optional<Path> find(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The names of the tools the feeds benchmark needs that are not installed (empty = all there). */
    public static List<String> missingForFeedsBenchmark() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("wrk", "nginx")) {
            if (find(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        return missing;
    }
}
