package dev.newsflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {
    private static final int LIMIT = 100_000;

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** A network stream: a few bytes per read, as a socket may give them. */
    private static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                return super.read(into, offset, Math.min(length, 7));
            }
        };
    }

    @Test
    void aDeclaredBodyIsReadWhole() throws IOException {
        for (int length : new int[] {0, 1, 5_000, LIMIT}) {
            byte[] body = bytes(length);
            assertThat(RequestBodies.readCapped(trickling(body), length, LIMIT)).as("%d bytes", length)
                    .isEqualTo(body);
        }
    }

    @Test
    void aChunkedBodyIsReadWholeWhateverItsSize() throws IOException {
        for (int length : new int[] {0, 1, 8 * 1024, 8 * 1024 + 1, 70_000, LIMIT}) {
            byte[] body = bytes(length);
            assertThat(RequestBodies.readCapped(trickling(body), -1, LIMIT)).as("%d bytes", length).isEqualTo(body);
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedHavingReadNoMoreThanTheLimit() {
        CountingStream over = new CountingStream(bytes(LIMIT * 3));
        assertThatThrownBy(() -> RequestBodies.readCapped(over, -1, LIMIT))
                .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining(String.valueOf(LIMIT));
        assertThat(over.read).isEqualTo(LIMIT + 1);
        assertThatThrownBy(() -> RequestBodies.readCapped(trickling(bytes(LIMIT + 1)), -1, LIMIT))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void moreBytesThanDeclaredAreStillCapped() throws IOException {
        byte[] body = bytes(2_000);
        assertThat(RequestBodies.readCapped(trickling(body), 1_000, LIMIT)).isEqualTo(body);
        assertThatThrownBy(() -> RequestBodies.readCapped(trickling(bytes(LIMIT + 10)), 1_000, LIMIT))
                .isInstanceOf(PayloadTooLargeException.class);
    }

    private static final class CountingStream extends ByteArrayInputStream {
        private int read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read() {
            int next = super.read();
            read += next < 0 ? 0 : 1;
            return next;
        }

        @Override
        public synchronized int read(byte[] into, int offset, int length) {
            int n = super.read(into, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
