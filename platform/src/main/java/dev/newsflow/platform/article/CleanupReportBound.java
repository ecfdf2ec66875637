package dev.newsflow.platform.article;

import dev.newsflow.schema.Removal;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one bound on a list of clean-up removals, for ingest (what it left out of a page) and enrich (the report it
 * delivers): at most {@value #MAX_REMOVALS} removals, each text cut to {@value #MAX_REMOVAL_TEXT_CHARS} characters,
 * within {@link EnrichedSizeBound#CLEANUP_REPORT_BYTES} encoded; when not all fit, the first that do and a last
 * entry of kind {@value #UNLISTED} that counts the others. Without a bound, one article of 200,000 one-letter
 * paragraphs enriched to 12.6 MB (a removal per paragraph), which Kafka refused.
 */
public final class CleanupReportBound {
    public static final int MAX_REMOVALS = 100;
    public static final int MAX_REMOVAL_TEXT_CHARS = 500;
    /** The kind of the last removal when not every removal is listed. */
    public static final String UNLISTED = "unlisted";
    /** Room kept for the entry that counts the removals not listed. */
    private static final int UNLISTED_ENTRY_BYTES = 512;

    private CleanupReportBound() {
    }

    /** The removals as the report lists them: all of them when they fit, else the first that do and a count. */
    public static List<Removal> bound(List<Removal> removals) {
        List<Removal> cut = new ArrayList<>(removals.size());
        long ceiling = 0;
        int unlistedBefore = 0;
        for (Removal removal : removals) {
            if (UNLISTED.equals(removal.getKind())) {
                // A list bounded before (ingest's, inside enrich's report) already counted what it left out.
                unlistedBefore += countIn(removal.getReason());
                continue;
            }
            Removal bounded = removal.getText().length() <= MAX_REMOVAL_TEXT_CHARS ? removal
                    : Removal.newBuilder(removal).setText(cut(removal.getText())).build();
            cut.add(bounded);
            ceiling += EncodedSizeCeiling.of(bounded);
        }
        if (unlistedBefore == 0 && cut.size() <= MAX_REMOVALS && ceiling <= EnrichedSizeBound.CLEANUP_REPORT_BYTES) {
            return cut; // fits even at the ceiling: the exact sizes cannot say otherwise
        }
        List<Long> sizes = new ArrayList<>(cut.size());
        long total = 0;
        for (Removal removal : cut) {
            sizes.add(encodedSize(removal));
            total += sizes.get(sizes.size() - 1);
        }
        if (unlistedBefore == 0 && cut.size() <= MAX_REMOVALS && total <= EnrichedSizeBound.CLEANUP_REPORT_BYTES) {
            return cut;
        }
        List<Removal> listed = new ArrayList<>();
        long bytes = 0;
        long budget = EnrichedSizeBound.CLEANUP_REPORT_BYTES - UNLISTED_ENTRY_BYTES;
        for (int i = 0; i < cut.size() && listed.size() < MAX_REMOVALS - 1 && bytes + sizes.get(i) <= budget; i++) {
            listed.add(cut.get(i));
            bytes += sizes.get(i);
        }
        int unlisted = cut.size() - listed.size() + unlistedBefore;
        listed.add(Removal.newBuilder().setKind(UNLISTED).setText("")
                .setReason(String.format(Locale.ROOT, "%d more removals are not listed: the report lists at most %d, "
                        + "in at most %d bytes", unlisted, MAX_REMOVALS, EnrichedSizeBound.CLEANUP_REPORT_BYTES))
                .build());
        return listed;
    }

    private static int countIn(String reason) {
        int end = 0;
        while (end < reason.length() && Character.isDigit(reason.charAt(end)) && end < 9) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(reason.substring(0, end));
    }

    private static String cut(String text) {
        int end = MAX_REMOVAL_TEXT_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }

    /**
     * The Avro binary size of one record, as it will sit in its array (plus the array's count). A record that does
     * not encode counts as nothing here: serializing the whole record reports it, with the stage that failed.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static long encodedSize(SpecificRecord record) {
        CountingStream counter = new CountingStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(counter, null);
        try {
            new SpecificDatumWriter(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return counter.count + 2;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
