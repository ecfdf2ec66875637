package dev.newsflow.ingest.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The resume state: one tab-separated line per delivered unit ({@code sha256 of content}, path, article id,
 * version, and for an NDJSON line its line number), appended and flushed as each is accepted, so a run stopped
 * halfway skips what it already delivered next time. A unit is a whole file, or one line of an NDJSON file
 * (keyed by the line's own content, so an edited line is posted again and the others are not). A file or line
 * whose content changed is posted again.
 */
final class PostedFiles {
    private static final String LINE_PREFIX = "line:";

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
                throw new UncheckedIOException("cannot read the state file " + stateFile + ": " + e.getMessage(), e);
            }
        }
    }

    boolean contains(String contentHash, Path file) {
        return done.contains(key(contentHash, path(file)));
    }

    boolean containsLine(String lineHash, Path file) {
        return contains(LINE_PREFIX + lineHash, file);
    }

    void add(String contentHash, Path file, String articleId, int version) {
        append(contentHash, file, articleId + "\t" + version);
    }

    /** One line of an NDJSON file that ingest accepted (or already had). */
    record DeliveredLine(String lineHash, int lineNumber, String articleId, int version) {
    }

    /** The lines one batch answer confirmed, written (and synced) at once rather than one sync per line. */
    void addLines(Path file, List<DeliveredLine> lines) {
        StringBuilder entries = new StringBuilder();
        String path = path(file);
        synchronized (this) {
            for (DeliveredLine line : lines) {
                if (done.add(key(LINE_PREFIX + line.lineHash(), path))) {
                    entries.append(LINE_PREFIX).append(line.lineHash()).append('\t').append(path).append('\t')
                            .append(line.articleId()).append('\t').append(line.version()).append('\t')
                            .append(line.lineNumber()).append('\n');
                }
            }
            write(entries.toString());
        }
    }

    private synchronized void append(String hash, Path file, String rest) {
        String path = path(file);
        if (done.add(key(hash, path))) {
            write(hash + "\t" + path + "\t" + rest + "\n");
        }
    }

    private void write(String entries) {
        if (stateFile == null || entries.isEmpty()) {
            return;
        }
        try {
            Path parent = stateFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(stateFile, entries, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + stateFile + ": " + e.getMessage(), e);
        }
    }

    private static String path(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static String key(String contentHash, String path) {
        return contentHash + "\t" + path;
    }
}
