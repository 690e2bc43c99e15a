package org.talkfeed.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves the published site over HTTP (GET and HEAD), with ETag and Last-Modified, answering 304 when
 * the client already has the file: calendar clients poll feeds often.
 */
public final class SiteServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "ics", "text/calendar; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "xml", "application/atom+xml; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final Path root;

    private SiteServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    public static SiteServer start(String host, int port, Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        SiteServer site = new SiteServer(server, root.toAbsolutePath().normalize());
        server.createContext("/", site::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return site;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Path file = resolve(exchange.getRequestURI());
            if (file == null || !Files.isRegularFile(file)) {
                byte[] body = "not found\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(404, method.equals("HEAD") ? -1 : body.length);
                if (!method.equals("HEAD")) {
                    exchange.getResponseBody().write(body);
                }
                return;
            }
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toMillis()) + "\"";
            String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.ofInstant(modified.toInstant(), ZoneOffset.UTC));
            var headers = exchange.getResponseHeaders();
            headers.set("ETag", etag);
            headers.set("Last-Modified", lastModified);
            headers.set("Cache-Control", "no-cache");
            headers.set("Content-Type", TYPES.getOrDefault(extension(file), "application/octet-stream"));
            if (notModified(exchange, etag, modified.toInstant())) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : body.length);
            if (!method.equals("HEAD")) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static boolean notModified(HttpExchange exchange, String etag, Instant modified) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip().replaceFirst("^W/", "");
                if (t.equals(etag) || t.equals("*")) {
                    return true;
                }
            }
            return false;
        }
        String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        if (since != null) {
            try {
                Instant client = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !modified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(client);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private Path resolve(URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            path = (path == null ? "/" : path) + "index.html";
        }
        Path file = root.resolve(path.substring(1)).normalize();
        return file.startsWith(root) ? file : null;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
