package org.talkfeed.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteServerTest {
    private static final int SOCKET_TIMEOUT_MILLIS = 20_000;
    private static final String CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//talkfeed//test//EN\r\n"
            + "BEGIN:VEVENT\r\nSUMMARY:A talk about calendars\r\nEND:VEVENT\r\n".repeat(20) + "END:VCALENDAR\r\n";

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        return send(port, "GET", path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    private <T> HttpResponse<T> send(int port, String method, String path, HttpResponse.BodyHandler<T> body,
                                     String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), body);
    }

    /** The media type and its parameters, without the spaces a server may or may not put after ';'. */
    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void servesFilesWithValidatorsAndAnswers304(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<h1>talks</h1>");
        Files.writeString(site.resolve("calendar.ics"), CALENDAR);
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            HttpResponse<String> index = get(server.port(), "/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).isEqualTo("<h1>talks</h1>");
            assertThat(contentType(index)).isEqualTo("text/html;charset=utf-8");

            HttpResponse<String> feed = get(server.port(), "/calendar.ics");
            assertThat(feed.body()).isEqualTo(CALENDAR);
            assertThat(contentType(feed)).isEqualTo("text/calendar;charset=utf-8");
            String etag = feed.headers().firstValue("ETag").orElseThrow();
            String lastModified = feed.headers().firstValue("Last-Modified").orElseThrow();

            HttpResponse<String> sameTag = get(server.port(), "/calendar.ics", "If-None-Match", etag);
            assertThat(sameTag.statusCode()).isEqualTo(304);
            assertThat(sameTag.body()).isEmpty();
            assertThat(get(server.port(), "/calendar.ics", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
            assertThat(get(server.port(), "/calendar.ics", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
            assertThat(get(server.port(), "/calendar.ics", "If-Modified-Since", "Thu, 01 Jan 1998 00:00:00 GMT")
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aReplacedFileGetsANewEtagAndIsServedAgain(@TempDir Path site) throws Exception {
        Path feed = Files.writeString(site.resolve("calendar.ics"), CALENDAR);
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            String etag = get(server.port(), "/calendar.ics").headers().firstValue("ETag").orElseThrow();
            Files.writeString(feed, CALENDAR + "changed");

            HttpResponse<String> again = get(server.port(), "/calendar.ics", "If-None-Match", etag);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(CALENDAR + "changed");
            assertThat(again.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        }
    }

    @Test
    void namesTheTypeOfEachKindOfSiteFile(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<p>x</p>");
        Files.writeString(site.resolve("calendar.ics"), CALENDAR);
        Files.writeString(site.resolve("talks.json"), "[]");
        Files.writeString(site.resolve("feed.xml"), "<feed/>");
        Files.writeString(site.resolve("site.css"), "p{}");
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            assertThat(contentType(get(server.port(), "/index.html"))).isEqualTo("text/html;charset=utf-8");
            assertThat(contentType(get(server.port(), "/calendar.ics"))).isEqualTo("text/calendar;charset=utf-8");
            assertThat(contentType(get(server.port(), "/talks.json"))).startsWith("application/json");
            assertThat(contentType(get(server.port(), "/feed.xml"))).startsWith("application/atom+xml");
            assertThat(contentType(get(server.port(), "/site.css"))).isEqualTo("text/css;charset=utf-8");
        }
    }

    @Test
    void compressesTextForClientsThatAcceptGzip(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("calendar.ics"), CALENDAR);
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            HttpResponse<byte[]> gzipped = send(server.port(), "GET", "/calendar.ics",
                    HttpResponse.BodyHandlers.ofByteArray(), "Accept-Encoding", "gzip");
            assertThat(gzipped.statusCode()).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gzipped.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
            assertThat(gzipped.body().length).isLessThan(CALENDAR.length());
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CALENDAR);
            }

            String etag = gzipped.headers().firstValue("ETag").orElseThrow();
            assertThat(send(server.port(), "GET", "/calendar.ics", HttpResponse.BodyHandlers.ofByteArray(),
                    "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode()).isEqualTo(304);

            HttpResponse<String> plain = get(server.port(), "/calendar.ics");
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.body()).isEqualTo(CALENDAR);
        }
    }

    @Test
    void answersHeadWithHeadersAndNoBody(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("calendar.ics"), CALENDAR);
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            HttpResponse<String> head = send(server.port(), "HEAD", "/calendar.ics", HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("ETag")).isPresent();
            assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(CALENDAR.length()));
            assertThat(contentType(head)).isEqualTo("text/calendar;charset=utf-8");
        }
    }

    @Test
    void refusesMethodsOtherThanGetAndHead(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("calendar.ics"), CALENDAR);
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            for (String method : List.of("POST", "PUT", "DELETE")) {
                HttpResponse<String> refused = send(server.port(), method, "/calendar.ics", HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(method).isEqualTo(405);
                assertThat(refused.headers().firstValue("Allow")).as(method).contains("GET, HEAD");
            }
            assertThat(Files.readString(site.resolve("calendar.ics"))).isEqualTo(CALENDAR);
        }
    }

    @Test
    void servesTheIndexOfAFolderAndNeverListsOne(@TempDir Path site) throws Exception {
        Files.createDirectories(site.resolve("talks"));
        Files.writeString(site.resolve("talks/one.html"), "<p>one</p>");
        Files.createDirectories(site.resolve("archive"));
        Files.writeString(site.resolve("archive/index.html"), "<p>archive</p>");
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            assertThat(get(server.port(), "/archive/").body()).isEqualTo("<p>archive</p>");
            HttpResponse<String> folder = get(server.port(), "/talks/");
            assertThat(folder.statusCode()).isIn(403, 404);
            assertThat(folder.body()).doesNotContain("one.html");
            assertThat(get(server.port(), "/missing.html").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void refusesPathsOutsideTheSite(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectory(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<p>site</p>");
        Files.createDirectory(site.resolve("talks"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the secret");
        Files.createSymbolicLink(site.resolve("leak.txt"), secret);
        Files.createSymbolicLink(site.resolve("outside"), dir);
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            List<String> attempts = List.of(
                    "/../secret.txt",
                    "/%2e%2e/secret.txt",
                    "/%2E%2E/secret.txt",
                    "/..%2fsecret.txt",
                    "/talks/..%2f..%2fsecret.txt",
                    "/talks/../../secret.txt",
                    "/.%2e/secret.txt",
                    "/%252e%252e/secret.txt",
                    "/" + secret.toAbsolutePath(),
                    secret.toUri().toString(),
                    "http://127.0.0.1:" + server.port() + "/../secret.txt",
                    "/leak.txt",
                    "/outside/secret.txt");
            for (String target : attempts) {
                RawResponse response = RawResponse.get(server.port(), target);
                assertThat(response.status()).as(target).isIn(400, 404);
                assertThat(response.text()).as(target).doesNotContain("the secret");
            }
        }
    }

    @Test
    void followsASymlinkThatStaysInsideTheSite(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("calendar.ics"), CALENDAR);
        Files.createSymbolicLink(site.resolve("feed.ics"), site.resolve("calendar.ics"));
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            assertThat(get(server.port(), "/feed.ics").body()).isEqualTo(CALENDAR);
        }
    }

    @Test
    void slowAndSilentClientsDoNotKeepOthersWaiting(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<h1>talks</h1>");
        List<Socket> stalled = new ArrayList<>();
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            int each = 2 * SiteServer.MAX_THREADS;
            for (int i = 0; i < each; i++) {
                stalled.add(connect(server.port()));
            }
            for (int i = 0; i < each; i++) {
                Socket half = connect(server.port());
                half.getOutputStream().write("GET /index.html HT".getBytes(StandardCharsets.US_ASCII));
                half.getOutputStream().flush();
                stalled.add(half);
            }
            for (int i = 0; i < each; i++) {
                Socket headersOnlyBegun = connect(server.port());
                headersOnlyBegun.getOutputStream().write(
                        "GET /index.html HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                headersOnlyBegun.getOutputStream().flush();
                stalled.add(headersOnlyBegun);
            }

            for (int i = 0; i < 3; i++) {
                RawResponse served = RawResponse.get(server.port(), "/index.html");
                assertThat(served.status()).isEqualTo(200);
                assertThat(served.text()).endsWith("<h1>talks</h1>");
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void reportsAPortInUseAsABindException(@TempDir Path site) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> SiteServer.start("127.0.0.1", taken.getLocalPort(), site))
                    .isInstanceOf(BindException.class);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        return socket;
    }

    /** One request written by hand, so that paths reach the server exactly as given. */
    private record RawResponse(int status, String text) {
        static RawResponse get(int port, String target) throws IOException {
            try (Socket socket = connect(port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String statusLine = text.substring(0, text.indexOf("\r\n"));
                return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), text);
            }
        }
    }

    @Test
    void aPublicationsTemporaryFilesAreNeverServed(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve(".calendar.ics12345.tmp"), CALENDAR);
        Files.createDirectories(site.resolve("talks"));
        Files.writeString(site.resolve("talks").resolve(".a.html.tmp"), "<p>half</p>");
        Files.writeString(site.resolve("calendar.ics"), CALENDAR);
        try (SiteServer server = SiteServer.start("127.0.0.1", 0, site)) {
            assertThat(get(server.port(), "/.calendar.ics12345.tmp").statusCode()).isEqualTo(404);
            assertThat(get(server.port(), "/talks/.a.html.tmp").statusCode()).isEqualTo(404);
            assertThat(get(server.port(), "/calendar.ics").statusCode()).isEqualTo(200);
        }
    }
}
