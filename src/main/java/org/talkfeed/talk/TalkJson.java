package org.talkfeed.talk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The one JSON mapping of talks and announcements, shared by the store, the CLI and the published talks.json. */
public final class TalkJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final TypeReference<List<Speaker>> SPEAKERS = new TypeReference<>() { };

    private TalkJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static String writePretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * A talk without its abstract, bio, confidence and warnings, from the JSON array of its title, speakers, date, start,
     * end, timezone, location, online, url, host and series (in that order).
     */
    public static Talk readOutline(String fields) {
        try {
            JsonNode f = MAPPER.readTree(fields);
            List<Speaker> speakers = f.get(1).isArray() ? MAPPER.convertValue(f.get(1), SPEAKERS) : List.of();
            return new Talk(text(f.get(0)), speakers, f.get(2).isNull() ? null : LocalDate.parse(f.get(2).asText()),
                    f.get(3).isNull() ? null : LocalTime.parse(f.get(3).asText()), f.get(4).isNull() ? null : LocalTime.parse(f.get(4).asText()),
                    text(f.get(5)), text(f.get(6)), f.get(7).asBoolean(), text(f.get(8)), text(f.get(9)), text(f.get(10)), null, null, 0,
                    List.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored talk is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    public static Talk readTalk(String json) {
        try {
            return MAPPER.readValue(json, Talk.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored talk is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
