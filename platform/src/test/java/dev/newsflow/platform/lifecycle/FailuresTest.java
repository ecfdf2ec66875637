package dev.newsflow.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void aRefusedConnectionWithoutAMessageIsSaidInWordsNeverAsNull() {
        // What java.net.http.HttpClient throws when nothing listens: a ConnectException whose message is null.
        IOException refused = new ConnectException();
        refused.initCause(new java.nio.channels.ClosedChannelException());
        assertThat(Failures.oneLine(refused)).startsWith("connection refused").doesNotContain("null");
        assertThat(Failures.oneLine(new UncheckedIOException(null, refused))).startsWith("connection refused");
    }

    @Test
    void aMissingFileSaysItIsMissingNotOnlyItsName() {
        assertThat(Failures.oneLine(new NoSuchFileException("article.txt"))).isEqualTo("no such file: article.txt");
    }

    @Test
    void timeoutsAndPlainMessages() {
        assertThat(Failures.oneLine(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("the connection timed out");
        assertThat(Failures.oneLine(new IllegalStateException("broker gone"))).isEqualTo("broker gone");
        assertThat(Failures.oneLine(new RuntimeException(new IllegalStateException("inner")))).contains("inner");
        assertThat(Failures.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
