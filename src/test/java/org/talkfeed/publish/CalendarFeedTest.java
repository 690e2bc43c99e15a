package org.talkfeed.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.talkfeed.Needs;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Talk;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the feed carries of a talk's text: no control characters, and lines folded at 75 octets of UTF-8. */
class CalendarFeedTest {
    private static final Instant STORED = Instant.parse("2026-11-01T12:00:00Z");
    private static final String EMOJI = "\uD83D\uDE00"; // U+1F600, 4 octets
    private static final String CJK = "\u4E2D\u6587"; // 3 octets each
    private static final String ACCENTED = "\u00E9"; // 2 octets

    private static StoredTalk talk(String title, String location, String abstractText) {
        return talk(title, location, abstractText, "America/Chicago");
    }

    private static StoredTalk talk(String title, String location, String abstractText, String zone) {
        Talk talk = new Talk(title, List.of(), LocalDate.of(2026, 12, 3), LocalTime.of(16, 0), null, zone,
                location, false, null, null, null, abstractText, null, 1.0, List.of());
        return new StoredTalk(1, "talk-1@talkfeed", "talk-1", false, 0, talk, STORED, STORED);
    }

    private static String render(StoredTalk talk) {
        return new CalendarFeed("Feed", Duration.ofHours(1), null).render(List.of(talk));
    }

    private static VEvent parsedEvent(String feed) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        return calendar.<VEvent>getComponents("VEVENT").get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow();
    }

    @Test
    void controlCharactersFromMailNeverReachTheFeed() throws Exception {
        String feed = render(talk("Graph\u0000 Sparsifiers\u001B[1m\u0007 and\u007F Cuts\u0085\u009B",
                "Gates\u0000 Hall\u0080 4405\rPittsburgh",
                "Abstract\u0001 with\ttab,\u0090 DEL\u007F,\r\nESC\u001B and \uD800lone surrogate\uFFFE."));

        byte[] bytes = feed.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean lineEnd = (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') || (b == '\n' && bytes[i - 1] == '\r');
            assertThat(b < 0x20 || b == 0x7F).as("control byte 0x%02X at %d", b, i).isEqualTo(lineEnd);
        }
        assertThat(feed.chars().filter(c -> (c >= 0x80 && c <= 0x9F) || Character.isSurrogate((char) c) || c == 0xFFFE)
                .boxed().toList()).as("C1 controls, surrogates, noncharacters").isEmpty();

        VEvent event = parsedEvent(feed);
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Graph Sparsifiers[1m and Cuts");
        assertThat(value(event, Property.LOCATION)).isEqualTo("Gates Hall 4405\nPittsburgh");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Abstract with tab, DEL,\nESC and lone surrogate.");
    }

    static Stream<Arguments> textsAcrossFoldsAtEveryOffset() {
        List<Arguments> cases = new ArrayList<>();
        for (String unit : List.of(EMOJI, CJK, ACCENTED, "a" + EMOJI + CJK + ACCENTED)) {
            IntStream.rangeClosed(0, 5).forEach(padding -> cases.add(Arguments.of(unit, padding)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} after {1} ASCII letters")
    @MethodSource("textsAcrossFoldsAtEveryOffset")
    void linesAreFoldedAt75OctetsBetweenCodePoints(String unit, int padding) throws Exception {
        String title = "x".repeat(padding) + unit.repeat(60);
        String location = "R".repeat(padding) + unit.repeat(40);
        String feed = render(talk(title, location, "y".repeat(padding) + unit.repeat(80)));

        byte[] bytes = feed.getBytes(StandardCharsets.UTF_8);
        List<byte[]> lines = physicalLines(bytes);
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            assertThat(line.length).as("octets in a line").isLessThanOrEqualTo(75);
            decodeStrictly(line);
            if (i + 1 < lines.size() && lines.get(i + 1).length > 0 && lines.get(i + 1)[0] == ' ') {
                assertThat(line.length).as("a folded line is full up to the next code point").isGreaterThan(75 - 4);
            }
        }
        assertThat(lines).as("the title itself is folded").hasSizeGreaterThan(feed.split("\r\n(?! )").length);

        String unfolded = new String(unfold(bytes), StandardCharsets.UTF_8);
        assertThat(unfolded.lines()).contains("SUMMARY:" + title, "LOCATION:" + location);
        VEvent event = parsedEvent(feed);
        assertThat(value(event, Property.SUMMARY)).isEqualTo(title);
        assertThat(value(event, Property.LOCATION)).isEqualTo(location);
    }

    /** ical.js, a parser talkfeed did not write, reads the cleaned, folded SUMMARY exactly. */
    @Test
    void anIndependentParserReadsTheTitleWithoutItsControlCharacters(@TempDir Path dir) throws Exception {
        Path script = Path.of("src", "test", "js", "ics-starts.mjs");
        Needs.that(Files.isDirectory(Path.of("src", "test", "js", "node_modules", "ical.js")),
                "ical.js (npm install in src/test/js)");
        String visible = "Sparse graphs " + EMOJI + " and " + CJK.repeat(12) + " " + EMOJI.repeat(9) + " for everyone";
        String title = "\u0000" + visible.substring(0, 20) + "\u001B\u0007\u007F\u0085" + visible.substring(20);
        Path ics = dir.resolve("talk.ics");
        Files.writeString(ics, render(talk("x".repeat(3) + title, "Room\u0000 1", null)));

        Process node = new ProcessBuilder("node", script.toString(), ics.toString()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(output).isZero();
        String[] columns = output.strip().split("\t");
        assertThat(columns).as(output).hasSize(5);
        assertThat(columns[1]).isEqualTo("2026-12-03T22:00:00.000Z");
        assertThat(new ObjectMapper().readValue(columns[4], String.class)).isEqualTo("xxx" + visible);
    }

    /** A talk whose zone nothing tells: its hour as announced, floating, in the feed and on its page. */
    @Test
    void aTalkWithNoKnownZoneKeepsItsLocalHour(@TempDir Path dir) throws Exception {
        StoredTalk talk = talk("Engines", "Room 210", null, null);
        String feed = render(talk);
        assertThat(feed).contains("DTSTART:20261203T160000\r\n").contains("DTEND:20261203T170000\r\n").doesNotContain("VTIMEZONE");
        assertThat(WhenText.withZoneName(talk.talk())).isEqualTo("Thu 3 Dec 2026, 16:00 (local time)");
        assertThat(WhenText.brief(talk.talk())).endsWith(", 16:00");
        if (Files.isDirectory(Path.of("src", "test", "js", "node_modules", "ical.js"))) {
            Path ics = dir.resolve("talk.ics");
            Files.writeString(ics, feed);
            Process node = new ProcessBuilder("node", Path.of("src", "test", "js", "ics-starts.mjs").toString(), ics.toString())
                    .redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor()).as(output).isZero();
            assertThat(output.split("\t")[3]).as(output).isEqualTo("floating");
        }
    }

    private static List<byte[]> physicalLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 2;
            }
        }
        assertThat(start).as("the feed ends with CRLF").isEqualTo(bytes.length);
        return lines;
    }

    private static void decodeStrictly(byte[] line) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(line));
    }

    /** RFC 5545 unfolding on octets: every CRLF followed by one space is removed. */
    private static byte[] unfold(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (i + 2 < bytes.length && bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == ' ') {
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }
}
