package dev.newsflow.enrich.ner.conll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-style files: one token a line, columns separated by tabs or spaces, the token in the
 * first column and its tag in the last (extra columns in between, such as part of speech, are ignored);
 * a blank line ends a sentence; a {@code -DOCSTART-} line starts a document.
 */
public final class ConllReader {
    private ConllReader() {
    }

    /** Documents of the file. Without -DOCSTART- lines the whole file is one document. */
    public static List<List<ConllSentence>> read(Path file) throws IOException {
        return read(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static List<List<ConllSentence>> read(List<String> lines) {
        List<List<ConllSentence>> documents = new ArrayList<>();
        List<ConllSentence> document = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            String trimmed = line.strip();
            if (trimmed.startsWith("-DOCSTART-")) {
                flush(document, tokens, tags);
                if (!document.isEmpty()) {
                    documents.add(document);
                }
                document = new ArrayList<>();
                continue;
            }
            if (trimmed.isEmpty()) {
                flush(document, tokens, tags);
                continue;
            }
            String[] columns = trimmed.split("[\\t ]+");
            if (columns.length < 2) {
                throw new IllegalArgumentException("line " + number + ": expected a token and a tag, got \"" + line + "\"");
            }
            tokens.add(columns[0]);
            tags.add(columns[columns.length - 1]);
        }
        flush(document, tokens, tags);
        if (!document.isEmpty()) {
            documents.add(document);
        }
        return documents;
    }

    private static void flush(List<ConllSentence> document, List<String> tokens, List<String> tags) {
        if (!tokens.isEmpty()) {
            document.add(new ConllSentence(List.copyOf(tokens), List.copyOf(tags)));
            tokens.clear();
            tags.clear();
        }
    }
}
