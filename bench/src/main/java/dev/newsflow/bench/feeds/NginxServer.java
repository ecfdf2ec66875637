package dev.newsflow.bench.feeds;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nginx serving a directory of static files on a loopback port, with a configuration generated
 * into a temporary prefix directory (no system configuration, logs or pid file touched).
 * Started and stopped by the feeds benchmark; ETag and Last-Modified are on, as nginx's defaults.
 */
final class NginxServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NginxServer.class);

    private final Process process;
    private final int port;
    private final Path prefix;

    private NginxServer(Process process, int port, Path prefix) {
        this.process = process;
        this.port = port;
        this.prefix = prefix;
    }

    static NginxServer start(Path nginx, Path prefix, Path htdocs, int workers) throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config(prefix, htdocs, port, workers), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", conf.toString(),
                "-e", prefix.resolve("logs/error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
                .start();
        NginxServer server = new NginxServer(process, port, prefix);
        server.awaitListening();
        LOG.info("nginx (pid {}) serving {} on 127.0.0.1:{}", process.pid(), htdocs, port);
        return server;
    }

    static String config(Path prefix, Path htdocs, int port, int workers) {
        String temp = prefix.resolve("temp").toString();
        return """
                worker_processes %d;
                daemon off;
                pid %s;
                error_log %s warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    tcp_nodelay on;
                    keepalive_timeout 65;
                    keepalive_requests 1000000;
                    etag on;
                    client_body_temp_path %s/body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    types {
                        application/rss+xml rss;
                        application/atom+xml atom;
                        application/feed+json json;
                    }
                    default_type application/octet-stream;
                    charset utf-8;
                    charset_types application/rss+xml application/atom+xml application/feed+json;
                    server {
                        listen 127.0.0.1:%d;
                        root %s;
                        location / { }
                    }
                }
                """.formatted(workers, prefix.resolve("nginx.pid"), prefix.resolve("logs/error.log"),
                temp, temp, temp, temp, temp, port, htdocs);
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited with " + process.exitValue() + ": "
                        + readIfExists(prefix.resolve("logs/error.log")) + readIfExists(prefix.resolve("logs/stdout.log")));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                process.waitFor(20, TimeUnit.MILLISECONDS);
            }
        }
        close();
        throw new IOException("nginx did not listen on port " + port + " within 10 s");
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM (nginx's fast shutdown), then SIGKILL if it lingers; worker processes exit with the master. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
