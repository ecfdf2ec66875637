package dev.newsflow.platform.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {
    @Test
    void digestsTheStandardTestVectors() {
        // FIPS 180-2, appendix B.1, and the empty message
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void textIsDigestedAsItsUtf8BytesAndPartsGiveTheWhole() {
        String text = "Zürich – 東京\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Sha256.of(text)).isEqualTo(Sha256.of(utf8));
        assertThat(Sha256.hex(text)).isEqualTo(HexFormat.of().formatHex(Sha256.of(utf8)));

        MessageDigest parts = Sha256.newDigest();
        parts.update(utf8, 0, 3);
        parts.update(utf8, 3, utf8.length - 3);
        assertThat(parts.digest()).isEqualTo(Sha256.of(utf8));
        // the per-thread digest is reset after every use
        assertThat(Sha256.hex("abc")).isEqualTo(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)));
    }
}
