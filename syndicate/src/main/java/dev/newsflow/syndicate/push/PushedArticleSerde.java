package dev.newsflow.syndicate.push;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.syndicate.state.ArticleStateSerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the push router's article store: a format byte, then the version, action, first publication time,
 * embargo and the partners pushed to with their feeds (a few dozen bytes per article). It reads the values of earlier
 * releases too, which were whole articles in Avro single-object encoding (they begin with its marker
 * {@code C3 01}, never with this format's byte), so an upgrade keeps the store and its changelog.
 */
final class PushedArticleSerde implements Serde<PushedArticle> {
    private static final byte FORMAT = 1;
    private static final byte AVRO_SINGLE_OBJECT_MARKER = (byte) 0xC3;
    private static final byte AVRO_SINGLE_OBJECT_VERSION = 0x01;

    private final ArticleStateSerde legacy = new ArticleStateSerde();

    @Override
    public Serializer<PushedArticle> serializer() {
        return (topic, state) -> state == null ? null : encode(state);
    }

    @Override
    public Deserializer<PushedArticle> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 1 && bytes[0] == AVRO_SINGLE_OBJECT_MARKER && bytes[1] == AVRO_SINGLE_OBJECT_VERSION) {
                return PushedArticle.legacy(legacy.deserializer().deserialize(topic, bytes));
            }
            return decode(bytes);
        };
    }

    private byte[] encode(PushedArticle state) {
        if (state.legacyContent() != null) {
            // An earlier release's entry stays in its own encoding (the router replaces it at the next version).
            return legacy.serializer().serialize(null, state.legacyContent());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(state.version());
            out.writeUTF(state.action().name());
            writeInstant(out, state.published());
            out.writeBoolean(state.embargoUntil() != null);
            if (state.embargoUntil() != null) {
                writeInstant(out, state.embargoUntil());
            }
            out.writeInt(state.pushedTo().size());
            for (Map.Entry<String, List<String>> partner : state.pushedTo().entrySet()) {
                out.writeUTF(partner.getKey());
                out.writeInt(partner.getValue().size());
                for (String feed : partner.getValue()) {
                    out.writeUTF(feed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static PushedArticle decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown push state format " + format);
            }
            int version = in.readInt();
            ArticleAction action = ArticleAction.valueOf(in.readUTF());
            Instant published = readInstant(in);
            Instant embargoUntil = in.readBoolean() ? readInstant(in) : null;
            int partners = count(in, bytes.length);
            Map<String, List<String>> pushedTo = new LinkedHashMap<>();
            for (int p = 0; p < partners; p++) {
                String partner = in.readUTF();
                int feeds = count(in, bytes.length);
                List<String> feedIds = new ArrayList<>(feeds);
                for (int f = 0; f < feeds; f++) {
                    feedIds.add(in.readUTF());
                }
                pushedTo.put(partner, feedIds);
            }
            if (in.available() > 0) {
                throw new IllegalStateException("push state has " + in.available() + " bytes after its end");
            }
            return new PushedArticle(version, action, published, embargoUntil, pushedTo, null);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decode the push state of an article: " + e.getMessage(), e);
        }
    }

    /** A count read from the value, refused when the value could not hold that many entries. */
    private static int count(DataInputStream in, int valueLength) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > valueLength) {
            throw new IllegalStateException("push state names " + count + " entries in " + valueLength + " bytes");
        }
        return count;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
