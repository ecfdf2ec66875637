package dev.newsflow.enrich.topics;

import dev.newsflow.platform.digest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The resources the topic model's entity evidence is computed from: the knowledge base and the recogniser.
 * The model's weights were fitted to the features these gave at training time, so the training report records
 * their digests and a test fails when one of them changes without the model being trained again (as the
 * recogniser refuses a lexicon it was not trained with).
 */
public final class TopicModelInputs {
    static final List<String> RESOURCES = List.of(
            "knowledge/entities.tsv", "knowledge/demonyms.tsv", "knowledge/context-words.tsv",
            "knowledge/given-names.txt", "knowledge/common-words.txt.gz", "knowledge/mediatopics.tsv",
            "knowledge/topic-keywords.tsv", "ner/model.bin.gz", "ner/lexicon.tsv.gz");

    private TopicModelInputs() {
    }

    /** The training report's closing section: each input resource with the SHA-256 of its bytes. */
    public static String reportSection() {
        StringBuilder section = new StringBuilder("\n## Inputs\n\nEntity evidence was computed with these resources "
                + "(SHA-256 of the bytes on the classpath). When one changes, train the model again "
                + "(`./newsflow train topics`); `TopicModelInputsTest` fails until then.\n\n| resource | sha256 |\n"
                + "|---|---|\n");
        for (String resource : RESOURCES) {
            section.append("| `").append(resource).append("` | ").append(sha256(resource)).append(" |\n");
        }
        return section.toString();
    }

    private static String sha256(String resource) {
        try (InputStream in = TopicModelInputs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("topic model input missing from the classpath: " + resource);
            }
            MessageDigest digest = Sha256.newDigest();
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
