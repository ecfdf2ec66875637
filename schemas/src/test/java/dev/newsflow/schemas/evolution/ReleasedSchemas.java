package dev.newsflow.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The schemas newsflow has released, kept in the repo as test resources:
 * {@code released/<RecordName>/v<N>.avsc}, one file per released version, each the full
 * schema as it was registered (named types inlined). Releasing a changed schema means copying
 * the generated schema there as the next version.
 */
final class ReleasedSchemas {
    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    /** One released version. */
    record Released(int version, Schema schema) {
    }

    private ReleasedSchemas() {
    }

    /** The released versions of a record, oldest first; empty when none were released. */
    static List<Released> of(String recordName) {
        Path dir = root().resolve(recordName);
        List<Released> versions = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return versions;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher name = VERSION_FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    throw new IllegalStateException(file + " is not named v<N>.avsc");
                }
                versions.add(new Released(Integer.parseInt(name.group(1)),
                        new Schema.Parser().parse(Files.readString(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).version() != i + 1) {
                throw new IllegalStateException("released versions of " + recordName + " must be v1..vN without gaps, "
                        + "found v" + versions.get(i).version() + " at position " + (i + 1));
            }
        }
        return versions;
    }

    private static Path root() {
        URL url = ReleasedSchemas.class.getResource("/released");
        if (url == null) {
            throw new IllegalStateException("no released/ directory among the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
