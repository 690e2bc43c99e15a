package org.talkfeed.talk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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

    /** A talk's speakers as the JSON of its {@code speakers} field holds them; none for null. */
    public static List<Speaker> readSpeakers(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, SPEAKERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored speakers are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Talk readTalk(String json) {
        try {
            return MAPPER.readValue(json, Talk.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored talk is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
