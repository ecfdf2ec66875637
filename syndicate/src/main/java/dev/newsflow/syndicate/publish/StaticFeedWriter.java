package dev.newsflow.syndicate.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes feed files for static hosting: each file is written to a temporary file in the same
 * directory and renamed over the old one, so a web server or uploader never sees half a feed.
 */
public final class StaticFeedWriter {
    private final Path root;

    public StaticFeedWriter(Path root) {
        this.root = root;
    }

    /**
     * Removes the feed files ({@code .rss}, {@code .atom}, {@code .json}) of every partner directory under the root
     * whose partner is not in {@code partnerIds} (deleted), and the directory once empty; other files are left.
     * Returns the partners whose files were removed.
     */
    public java.util.List<String> removeAllBut(java.util.Set<String> partnerIds) {
        java.util.List<String> removed = new java.util.ArrayList<>();
        if (!Files.isDirectory(root)) {
            return removed;
        }
        try (java.util.stream.Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String partnerId = dir.getFileName().toString();
                if (partnerIds.contains(partnerId)) {
                    continue;
                }
                try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".rss") || name.endsWith(".atom") || name.endsWith(".json")) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
                try (java.util.stream.Stream<Path> left = Files.list(dir)) {
                    if (left.findAny().isEmpty()) {
                        Files.deleteIfExists(dir);
                    }
                }
                removed.add(partnerId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + root, e);
        }
        return removed;
    }

    /** Writes {@code <root>/<partner>/<file>} atomically; ids are validated, so they are safe path parts. */
    public Path write(String partnerId, String fileName, byte[] content) {
        Path dir = root.resolve(partnerId);
        Path target = dir.resolve(fileName);
        if (!target.normalize().startsWith(root.normalize())) {
            throw new IllegalArgumentException("refusing to write outside " + root + ": " + target);
        }
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "." + fileName, ".tmp");
            try {
                Files.write(temporary, content);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
