package dev.newsflow.bench.jmh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What Jetty's per-connection cache of header lines saves: one connection's parser reading the same request again
 * and again, as on a kept-alive connection, with Jetty's default cache (1,024 entries, what the syndicator's feed
 * listener keeps) and none (the services' listeners, which save ~100 KB of heap per kept-alive connection by it;
 * {@code ServiceEndpoints}). Requests: a feed poller's (eight header lines, token and validator among them) and a
 * browser's (fifteen, with long {@code User-Agent} and {@code Accept} lines). Score: requests parsed per second on
 * one core; run with {@code -prof gc} for the allocation per request.
 */
@State(Scope.Benchmark)
public class HeaderParsingBenchmark extends OneCoreThroughput {
    /** The request lines and headers of one client, as it sends them on every request of a connection. */
    public enum Client {
        POLLER("GET /feeds/partner-one/all.json HTTP/1.1\r\n"
                + "Host: feeds.example.net\r\n"
                + "User-Agent: partner-poller/1.0 (+https://partner.example)\r\n"
                + "Accept: application/feed+json, application/json;q=0.9\r\n"
                + "Accept-Encoding: gzip\r\n"
                + "Authorization: Bearer 0123456789abcdef0123456789abcdef\r\n"
                + "If-None-Match: W/\"9f2c1a7e\"\r\n"
                + "Connection: keep-alive\r\n\r\n"),
        BROWSER("GET /feeds/partner-one/all.rss HTTP/1.1\r\n"
                + "Host: feeds.example.net\r\n"
                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/131.0.0.0 Safari/537.36\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,"
                + "*/*;q=0.8,application/signed-exchange;v=b3;q=0.7\r\n"
                + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
                + "Accept-Language: en-GB,en-US;q=0.9,en;q=0.8,de;q=0.7\r\n"
                + "Cache-Control: max-age=0\r\n"
                + "Sec-Ch-Ua: \"Google Chrome\";v=\"131\", \"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"\r\n"
                + "Sec-Ch-Ua-Mobile: ?0\r\n"
                + "Sec-Ch-Ua-Platform: \"Linux\"\r\n"
                + "Sec-Fetch-Dest: document\r\n"
                + "Sec-Fetch-Mode: navigate\r\n"
                + "Sec-Fetch-Site: none\r\n"
                + "Upgrade-Insecure-Requests: 1\r\n"
                + "If-None-Match: W/\"9f2c1a7e\"\r\n"
                + "Connection: keep-alive\r\n\r\n");

        private final byte[] bytes;

        Client(String request) {
            this.bytes = request.getBytes(StandardCharsets.US_ASCII);
        }
    }

    @Param({"POLLER", "BROWSER"})
    public Client client;

    /** Entries of the parser's cache of header lines: Jetty's default, or none. */
    @Param({"1024", "0"})
    public int headerCacheSize;

    private HttpParser parser;
    private final FieldCounter fields = new FieldCounter();

    @Setup(Level.Trial)
    public void setUp() {
        parser = new HttpParser(fields);
        parser.setHeaderCacheSize(headerCacheSize);
    }

    @Benchmark
    public long parseRequest() {
        ByteBuffer request = ByteBuffer.wrap(client.bytes);
        while (request.hasRemaining() && !parser.parseNext(request)) {
            // a whole request is in the buffer: parseNext returns true once its message is complete
        }
        parser.reset();
        return fields.valueChars;
    }

    /** Takes what a request handler would: the method, URI and each header line's value. */
    private static final class FieldCounter implements HttpParser.RequestHandler {
        long valueChars;

        @Override
        public void startRequest(String method, String uri, HttpVersion version) {
            valueChars += uri.length();
        }

        @Override
        public void parsedHeader(HttpField field) {
            valueChars += field.getValue().length();
        }

        @Override
        public boolean headerComplete() {
            return false;
        }

        @Override
        public boolean content(ByteBuffer content) {
            return false;
        }

        @Override
        public boolean contentComplete() {
            return false;
        }

        @Override
        public boolean messageComplete() {
            return true;
        }

        @Override
        public void earlyEOF() {
            throw new IllegalStateException("the request is whole in the buffer");
        }
    }
}
