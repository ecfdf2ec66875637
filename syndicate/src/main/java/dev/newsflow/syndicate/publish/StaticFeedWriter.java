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
