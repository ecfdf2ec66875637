import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Derives the recogniser's word lexicon (enrich/src/main/resources/ner/lexicon.tsv.gz) from the Brown
 * clusters and named-entity gazetteers inside nlp4j-english 1.1.3. Run by derive.sh, which fetches the
 * jars into a temporary directory; the Maven build never does.
 *
 * <p>One line a word (nlp4j's simplified lower-case form): {@code word TAB brown-path TAB gazetteer-bits},
 * sorted by word so that the same input gives the same bytes. The Brown path is the word's full bit string
 * ("-" when the word has none); the gazetteer bits say in which kind of gazetteer entry the word occurs and
 * where (bit = 4 * group + position, position 0 = the whole entry, 1 = first word, 2 = inside, 3 = last
 * word), in hex ("-" when none). Gazetteer words without a Brown path are kept when they occur in two
 * entries or more (a name part seen once says little and would double the file).
 *
 * <p>Usage: {@code java -cp nlp4j-api.jar:xz.jar DeriveNerLexicon.java LEXICA_DIR OUT_FILE}
 */
public class DeriveNerLexicon {
    /** nlp4j's gazetteer labels (numbers in the serialised tree) to newsflow's groups, read off their entries. */
    static final String[] GROUPS = {"PER", "LOC", "ORG", "WORK", "EVENT", "PRODUCT", "NAT", "TITLE"};

    static int group(String label) {
        return switch (label) {
            case "14", "4" -> 0;        // people's full names; name parts
            case "1", "6", "7", "11" -> 1; // countries; cities; states and provinces; other places
            case "0", "13" -> 2;        // companies; organisations
            case "8", "10", "15" -> 3;  // books; films; songs and albums
            case "9" -> 4;              // events and competitions
            case "12" -> 5;             // products, vehicles, weapons
            case "5" -> 6;              // nationalities (the entries that are not also places)
            case "3" -> 7;              // titles and occupations
            default -> -1;              // "2": currencies (few, and not names)
        };
    }

    public static void main(String[] args) throws Exception {
        Path lexica = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Map<String, Set<String>> brown = read(lexica.resolve("en-brown-clusters-simplified-lowercase.xz"));
        TreeMap<String, String> paths = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : brown.entrySet()) {
            // The set holds the path's even-length prefixes and the whole path: keep the longest.
            paths.put(e.getKey(), e.getValue().stream().max(Comparator.comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder())).orElseThrow());
        }

        Object tree = read(lexica.resolve("en-named-entity-gazetteers-simplified.xz"));
        Field rootField = tree.getClass().getDeclaredField("n_root");
        rootField.setAccessible(true);
        TreeMap<String, TreeSet<String>> entries = new TreeMap<>(); // entry -> labels
        walk(rootField.get(tree), new ArrayList<>(), entries);

        TreeSet<String> places = new TreeSet<>();
        for (Map.Entry<String, TreeSet<String>> e : entries.entrySet()) {
            for (String label : e.getValue()) {
                if (group(label) == 1) {
                    places.add(e.getKey());
                }
            }
        }
        TreeMap<String, int[]> words = new TreeMap<>(); // word -> {bits, entries}
        for (Map.Entry<String, TreeSet<String>> e : entries.entrySet()) {
            String[] tokens = e.getKey().split(" ");
            for (String label : e.getValue()) {
                int g = group(label);
                if (g < 0 || (g == 6 && places.contains(e.getKey()))) {
                    continue;
                }
                for (int i = 0; i < tokens.length; i++) {
                    int position = tokens.length == 1 ? 0 : i == 0 ? 1 : i == tokens.length - 1 ? 3 : 2;
                    int[] w = words.computeIfAbsent(tokens[i].toLowerCase(java.util.Locale.ROOT), k -> new int[2]);
                    w[0] |= 1 << (4 * g + position);
                    w[1]++;
                }
            }
        }

        TreeSet<String> all = new TreeSet<>(paths.keySet());
        for (Map.Entry<String, int[]> e : words.entrySet()) {
            if (e.getValue()[1] >= 2) {
                all.add(e.getKey());
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        int lines = 0;
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), StandardCharsets.UTF_8)) {
            w.write("# word\tbrown-path\tgazetteer-bits (bit = 4 * group + position; groups "
                    + String.join(",", GROUPS) + "; positions whole,first,inside,last)\n");
            for (String word : all) {
                if (word.isEmpty() || word.indexOf('\t') >= 0 || word.indexOf('\n') >= 0 || word.startsWith("#") && word.length() == 1) {
                    continue;
                }
                String path = paths.getOrDefault(word, "-");
                int[] g = words.get(word);
                String bits = g == null || g[0] == 0 ? "-" : Integer.toHexString(g[0]);
                if (path.equals("-") && bits.equals("-")) {
                    continue;
                }
                w.write(word + "\t" + path + "\t" + bits + "\n");
                lines++;
            }
        }
        System.out.printf("%d words (%d with a Brown path), %d gazetteer entries read, %d bytes written to %s%n",
                lines, paths.size(), entries.size(), Files.size(out), out);
    }

    @SuppressWarnings("unchecked")
    static <T> T read(Path xz) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(new XZInputStream(
                new BufferedInputStream(new FileInputStream(xz.toFile()), 1 << 16)), 1 << 16))) {
            return (T) in.readObject();
        }
    }

    static Field valueField;

    /** The gazetteer is a word trie (each node a map from the next word); a node's value is its entry's labels. */
    @SuppressWarnings("unchecked")
    static void walk(Object node, List<String> path, Map<String, TreeSet<String>> entries) throws ReflectiveOperationException {
        if (valueField == null) {
            valueField = node.getClass().getDeclaredField("value");
            valueField.setAccessible(true);
        }
        Object value = valueField.get(node);
        if (value != null && !path.isEmpty()) {
            TreeSet<String> labels = entries.computeIfAbsent(String.join(" ", path), k -> new TreeSet<>());
            for (Object label : (Collection<Object>) value) {
                labels.add(label.toString());
            }
        }
        for (Map.Entry<Object, Object> child : ((Map<Object, Object>) node).entrySet()) {
            path.add(child.getKey().toString());
            walk(child.getValue(), path, entries);
            path.remove(path.size() - 1);
        }
    }
}
