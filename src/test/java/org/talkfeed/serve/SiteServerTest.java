package org.talkfeed.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SiteServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesFilesWithValidatorsAndAnswers304(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<h1>talks</h1>");
        Files.writeString(site.resolve("calendar.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            HttpResponse<String> index = get(server.port(), "/", null, null);
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).isEqualTo("<h1>talks</h1>");
            assertThat(index.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");

            HttpResponse<String> feed = get(server.port(), "/calendar.ics", null, null);
            assertThat(feed.headers().firstValue("Content-Type")).contains("text/calendar; charset=utf-8");
            String etag = feed.headers().firstValue("ETag").orElseThrow();
            String lastModified = feed.headers().firstValue("Last-Modified").orElseThrow();

            assertThat(get(server.port(), "/calendar.ics", "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(get(server.port(), "/calendar.ics", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
            assertThat(get(server.port(), "/calendar.ics", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesPathsOutsideTheSite(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectory(dir.resolve("site"));
        Files.writeString(dir.resolve("secret.txt"), "no");
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            assertThat(get(server.port(), "/../secret.txt", null, null).statusCode()).isEqualTo(404);
            assertThat(get(server.port(), "/%2e%2e/secret.txt", null, null).statusCode()).isEqualTo(404);
            assertThat(get(server.port(), "/missing.html", null, null).statusCode()).isEqualTo(404);
        }
    }
}
