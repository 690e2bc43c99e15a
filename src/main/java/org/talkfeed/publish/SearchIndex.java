package org.talkfeed.publish;

import com.fasterxml.jackson.core.JsonGenerator;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * site/search.json.gz, the compact index the archive's search.js reads in the browser: one array per talk, in the order
 * of {@link #FIELDS} after the slug, date and cancellation, with the abstract cut short at a word. Stored gzipped (a
 * third of the size of the JSON, and under 3 MB for 20,000 talks), so that it stays small on any web server.
 */
public final class SearchIndex {
    public static final String PATH = "search.json.gz";
    public static final String SCRIPT_PATH = "search.js";
    static final int VERSION = 1;
    static final List<String> FIELDS = List.of("title", "speakers", "affiliations", "host", "series", "location", "abstract");
    /** About how many characters of an abstract are kept. */
    static final int ABSTRACT_CHARS = 300;
    /** A cut is moved back to the last space only when that space is this close to the limit. */
    private static final int LONGEST_WORD = 40;
    private static final String JOINER = "; ";
    private static final String SCRIPT_RESOURCE = "search.js";

    private SearchIndex() {
    }

    /** One talk's entry: its slug, day and whether cancelled, then the searched fields in the order of {@link #FIELDS}. */
    public record Row(String slug, String date, boolean cancelled, List<String> values) {

        /** The entry of a whole talk (an outline lacks the abstract). */
        public static Row of(StoredTalk stored) {
            Talk talk = stored.talk();
            return new Row(text(stored.slug()), talk.date() == null ? "" : talk.date().toString(), stored.cancelled(),
                    List.of(text(talk.title()), joined(talk.speakers(), Speaker::name), joined(talk.speakers(), Speaker::affiliation),
                            text(talk.host()), text(talk.series()), text(talk.location()), shortened(text(talk.abstractText()))));
        }
    }

    /**
     * Writes the index of these entries, in the order given (newest first, as the archive lists them), gzipped at the
     * fastest level (a publish after each new talk writes it again); the stream is left open.
     */
    public static void write(Iterable<Row> rows, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        writeJson(rows, gzip);
        gzip.finish();
    }

    private static void writeJson(Iterable<Row> rows, OutputStream out) throws IOException {
        try (JsonGenerator json = TalkJson.MAPPER.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("v", VERSION);
            json.writeArrayFieldStart("fields");
            for (String field : FIELDS) {
                json.writeString(field);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("talks");
            for (Row row : rows) {
                json.writeStartArray();
                json.writeString(row.slug());
                json.writeString(row.date());
                json.writeNumber(row.cancelled() ? 1 : 0);
                for (String value : row.values()) {
                    json.writeString(value);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** The built-in search.js, which the archive's pages load. */
    public static byte[] script() {
        try (InputStream in = SearchIndex.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + SCRIPT_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distinct non-empty values, in order, joined. */
    private static String joined(List<Speaker> speakers, Function<Speaker, String> value) {
        return String.join(JOINER, speakers.stream().map(value).map(SearchIndex::text)
                .filter(s -> !s.isEmpty()).distinct().toList());
    }

    /** At most about {@link #ABSTRACT_CHARS} characters, cut after a whole word, with an ellipsis when cut. */
    static String shortened(String text) {
        if (text.length() <= ABSTRACT_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', ABSTRACT_CHARS);
        if (cut < ABSTRACT_CHARS - LONGEST_WORD) {
            cut = Character.isLowSurrogate(text.charAt(ABSTRACT_CHARS)) ? ABSTRACT_CHARS - 1 : ABSTRACT_CHARS;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    /**
     * The value on one line: runs of white space (line breaks too) and control characters become one space, and a
     * lone surrogate, which UTF-8 cannot carry, becomes U+FFFD. Null is "".
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
