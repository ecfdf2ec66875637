package dev.newsflow.syndicate.partner;

import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.cache.DecodedByBytes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The value serde of the partner stores (global tables of the partner topic). Every feed request, 304s included,
 * reads its partner, and the push router reads every partner per article: decoding the Avro record was most of a
 * lookup's CPU (BENCHMARKS.md, issue 20), so each distinct stored record is decoded once ({@link DecodedByBytes}).
 * A rotated token, a disabled or edited partner is other bytes and is decoded anew at once.
 */
public final class PartnerStoreSerde {
    /** Partner records are a few hundred bytes to a few KB: this keeps several thousand partners decoded. */
    static final long DECODED_CACHE_BYTES = 4L << 20;
    /** Heap of a decoded partner per byte of its encoding (strings of ids, names, filters), roughly. */
    private static final int DECODED_BYTES_PER_STORED_BYTE = 4;

    private PartnerStoreSerde() {
    }

    /** {@code registrySerde} (the partner topic's) with its decodings kept by their bytes. */
    public static Serde<PartnerSubscription> decodingOnce(Serde<PartnerSubscription> registrySerde) {
        return Serdes.serdeFrom(registrySerde.serializer(), new DecodedByBytes<>(registrySerde.deserializer(),
                DECODED_CACHE_BYTES, DECODED_BYTES_PER_STORED_BYTE));
    }
}
