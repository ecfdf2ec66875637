package dev.newsflow.ingest.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The resume state: one tab-separated line per accepted file ({@code sha256 of content}, path,
 * article id, version), appended and flushed as each file is accepted, so a run stopped halfway
 * skips what it already delivered next time. A file whose content changed is posted again.
 */
final class PostedFiles {
    private final Path stateFile;
    private final Set<String> done = new HashSet<>();

    PostedFiles(Path stateFile) {
        this.stateFile = stateFile;
        if (stateFile != null && Files.exists(stateFile)) {
            try {
                for (String line : Files.readAllLines(stateFile, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t");
                    if (fields.length >= 2) {
                        done.add(key(fields[0], fields[1]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the state file " + stateFile, e);
            }
        }
    }

    boolean contains(String contentHash, Path file) {
        return done.contains(key(contentHash, file.toAbsolutePath().normalize().toString()));
    }

    synchronized void add(String contentHash, Path file, String articleId, int version) {
        String path = file.toAbsolutePath().normalize().toString();
        done.add(key(contentHash, path));
        if (stateFile == null) {
            return;
        }
        try {
            Path parent = stateFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(stateFile, contentHash + "\t" + path + "\t" + articleId + "\t" + version + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + stateFile, e);
        }
    }

    private static String key(String contentHash, String path) {
        return contentHash + "\t" + path;
    }
}
