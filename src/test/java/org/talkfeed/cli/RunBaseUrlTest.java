package org.talkfeed.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `talkfeed run` in a child JVM: the base of the links in its feeds and pages, configured or the address it serves on. */
class RunBaseUrlTest {
    private static final Pattern SERVING = Pattern.compile("serving .* at (http://127\\.0\\.0\\.1:\\d+)/");

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroy();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private Path config(String calendar) throws IOException {
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(dir.resolve("mail").resolve(sub));
        }
        Files.write(dir.resolve("mail/new/1767000000.M1P1.host"),
                TestMail.announcement("<first@dept.example>", "Graph Minors", "Thursday, March 2, 2028"));
        return Files.writeString(dir.resolve("talkfeed.yaml"), """
                store: data/talkfeed.db
                site: site
                poll-interval-seconds: 1
                server:
                  port: 0
                mailboxes:
                  - name: local
                    maildir: mail
                    timezone: America/Chicago
                """ + calendar);
    }

    /** Starts `run`; returns the address it says it serves on, once its first publication has the talk. */
    private String run(Path config) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path log = dir.resolve("run.log");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.talkfeed.cli.TalkfeedCommand", "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(child);
        Path feed = dir.resolve("site/calendar.ics");
        waitFor(() -> SERVING.matcher(read(log)).find() && read(feed).contains("Graph Minors"), child, log);
        Matcher serving = SERVING.matcher(read(log));
        assertThat(serving.find()).isTrue();
        return serving.group(1);
    }

    @Test
    void withoutABaseUrlLinksUseTheServersAddressAndSaySo() throws Exception {
        String address = run(config(""));
        String log = read(dir.resolve("run.log"));
        assertThat(log).contains("talkfeed: no calendar.base-url: links use " + address + "\n");

        // the page's links as a browser reads them (the templates write '=' in an attribute as &#61;)
        org.jsoup.nodes.Document index = org.jsoup.Jsoup.parse(read(dir.resolve("site/index.html")));
        assertThat(index.select("a").eachAttr("href")).contains("webcal://" + address.substring("http://".length()) + "/calendar.ics")
                .anyMatch(href -> href.startsWith("https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2F127.0.0.1%3A"));
        assertThat(index.select("a[href=" + address + "/calendar.ics]").eachText()).contains("http");
        assertThat(read(dir.resolve("site/calendar.ics")).replace("\r\n ", ""))
                .contains("SOURCE:" + address + "/calendar.ics\r\n", "URL:" + address + "/talks/");

        HttpResponse<String> filtered = http.send(HttpRequest.newBuilder(URI.create(address + "/calendar.ics?speaker=ada-quint"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.body().replace("\r\n ", "")).contains("SOURCE:" + address + "/calendar.ics?speaker=ada-quint\r\n",
                "SUMMARY:Ada Quint: Graph Minors");
    }

    @Test
    void aConfiguredBaseUrlIsTheOneUsed() throws Exception {
        String address = run(config("calendar:\n  base-url: https://talks.example.edu/\n"));
        assertThat(read(dir.resolve("run.log"))).doesNotContain("no calendar.base-url");
        assertThat(read(dir.resolve("site/index.html"))).contains("webcal://talks.example.edu/calendar.ics")
                .doesNotContain("127.0.0.1");
        HttpResponse<String> filtered = http.send(HttpRequest.newBuilder(URI.create(address + "/calendar.ics?q=minors"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(filtered.body().replace("\r\n ", "")).contains("SOURCE:https://talks.example.edu/calendar.ics?q=minors\r\n");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits while the child runs: it is bounded by the child, which exits when it cannot go on. */
    private static void waitFor(BooleanSupplier condition, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertThat(child.isAlive()).as("run ended early: " + read(log)).isTrue();
            assertThat(System.nanoTime()).as("run did not publish the talk: " + read(log)).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
