package dev.newsflow.syndicate.push;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** A local HTTP receiver that checks each push's signature and records what it got. */
public final class WebhookReceiver implements AutoCloseable {
    public record Received(long sequence, String event, String body, boolean signatureValid, int answeredWith) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntSupplier answer = () -> 200;

    public WebhookReceiver(String secret) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean valid = WebhookSignature.verify(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    secret, body, System.currentTimeMillis() / 1000, 300);
            int status = answer.getAsInt();
            requests.incrementAndGet();
            synchronized (received) {
                received.add(new Received(Long.parseLong(exchange.getRequestHeaders().getFirst("X-Newsflow-Sequence")),
                        exchange.getRequestHeaders().getFirst("X-Newsflow-Event"),
                        new String(body, StandardCharsets.UTF_8), valid, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void answer(IntSupplier answer) {
        this.answer = answer;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Only the requests answered 2xx, in arrival order. */
    public List<Received> accepted() {
        return received().stream().filter(r -> r.answeredWith() / 100 == 2).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
