package org.talkfeed.extract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.talkfeed.talk.StructuredEvent;
import org.talkfeed.text.HtmlText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The schema.org events in an HTML part, from JSON-LD ({@code <script type="application/ld+json">}, also inside
 * {@code @graph}, arrays and other items) and from microdata ({@code itemscope itemtype=".../Event"}), each as a
 * JSON-LD-like tree: microdata items become objects with their {@code @type}, properties and nested items.
 * Event subtypes (EducationEvent and the others) count as events, and references to other items of the same
 * script ({@code "organizer": {"@id": "#org"}}) are replaced by those items. Bounded in events, depth and nodes.
 */
final class SchemaOrgMarkup {
    private static final int MAX_EVENTS = 50;
    private static final int MAX_DEPTH = 12;
    private static final int MAX_NODES = 5000;
    private static final int MAX_SCRIPT_CHARS = 256 << 10;
    private static final int MAX_PROPERTIES = 200;
    private static final Literals MARKERS = Literals.of("ld+json", "itemtype");
    private static final Set<String> EVENT_TYPES = Set.of("event", "businessevent", "childrensevent", "comedyevent",
            "courseinstance", "danceevent", "deliveryevent", "educationevent", "eventseries", "exhibitionevent", "festival",
            "foodevent", "hackathon", "literaryevent", "musicevent", "publicationevent", "broadcastevent", "ondemandevent",
            "saleevent", "screeningevent", "socialevent", "sportsevent", "theaterevent", "visualartsevent");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    /** One event found, and how it was marked up. */
    record Found(JsonNode event, StructuredEvent.Source source) {
    }

    private SchemaOrgMarkup() {
    }

    /** Whether the HTML may hold markup at all: most HTML does not, and is not parsed. */
    static boolean mayHold(String html) {
        return MARKERS.inAnyCase(html);
    }

    static List<Found> events(String html) {
        if (!mayHold(html)) {
            return List.of();
        }
        Document doc = Jsoup.parse(html);
        List<Found> found = new ArrayList<>();
        for (Element script : doc.select("script[type]")) {
            if (found.size() >= MAX_EVENTS) {
                break;
            }
            if (!script.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
                continue;
            }
            String json = script.data();
            if (json.length() > MAX_SCRIPT_CHARS) {
                continue;
            }
            try {
                JsonNode tree = JSON.readTree(json);
                Map<String, JsonNode> byId = new HashMap<>();
                index(tree, 0, new int[]{0}, byId);
                List<Found> events = new ArrayList<>();
                collect(tree, 0, new int[]{0}, events);
                for (Found event : events) {
                    found.add(new Found(resolved(event.event(), byId, 0), event.source()));
                }
            } catch (JacksonException e) {
                // broken JSON-LD: the other scripts and the microdata may still hold the event
            }
        }
        for (Element item : doc.select("[itemscope][itemtype]")) {
            if (found.size() >= MAX_EVENTS) {
                break;
            }
            if (isEvent(item.attr("itemtype").split("\\s+"))) {
                found.add(new Found(item(item, 0), StructuredEvent.Source.MICRODATA));
            }
        }
        return found;
    }

    /** Events anywhere in a JSON-LD tree; an event's own properties are not searched for more. */
    private static void collect(JsonNode node, int depth, int[] visited, List<Found> found) {
        if (node == null || depth > MAX_DEPTH || ++visited[0] > MAX_NODES || found.size() >= MAX_EVENTS) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, depth + 1, visited, found);
            }
        } else if (node.isObject()) {
            if (isEvent(types(node.get("@type")))) {
                found.add(new Found(node, StructuredEvent.Source.JSON_LD));
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                collect(fields.next().getValue(), depth + 1, visited, found);
            }
        }
    }

    /** The items of a JSON-LD tree that have an {@code @id} and more to say, for the references to them. */
    private static void index(JsonNode node, int depth, int[] visited, Map<String, JsonNode> byId) {
        if (node == null || depth > MAX_DEPTH || ++visited[0] > MAX_NODES) {
            return;
        }
        if (node.isObject() && node.hasNonNull("@id") && node.size() > 1) {
            byId.putIfAbsent(node.get("@id").asText(), node);
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                index(child, depth + 1, visited, byId);
            }
        }
    }

    /** A copy of the node in which each reference ({@code {"@id": ...}} alone) is replaced by the item it names. */
    private static JsonNode resolved(JsonNode node, Map<String, JsonNode> byId, int depth) {
        if (node.isObject() && node.size() == 1 && node.hasNonNull("@id") && byId.containsKey(node.get("@id").asText())) {
            return depth > 4 ? node : resolved(byId.get(node.get("@id").asText()), byId, depth + 1);
        }
        if (depth > 4 || !node.isContainerNode()) {
            return node;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(resolved(element, byId, depth + 1)));
            return copy;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(field -> copy.set(field.getKey(), resolved(field.getValue(), byId, depth + 1)));
        return copy;
    }

    private static String[] types(JsonNode type) {
        if (type == null) {
            return new String[0];
        }
        if (type.isArray()) {
            List<String> all = new ArrayList<>();
            type.forEach(t -> all.add(t.asText()));
            return all.toArray(String[]::new);
        }
        return new String[]{type.asText()};
    }

    static boolean isEvent(String... types) {
        for (String type : types) {
            if (EVENT_TYPES.contains(localName(type))) {
                return true;
            }
        }
        return false;
    }

    /** "https://schema.org/EducationEvent", "schema:EducationEvent" and "EducationEvent" alike: "educationevent". */
    static String localName(String term) {
        String t = term.strip();
        int cut = Math.max(t.lastIndexOf('/'), Math.max(t.lastIndexOf(':'), t.lastIndexOf('#')));
        return t.substring(cut + 1).toLowerCase(Locale.ROOT);
    }

    /** A microdata item as a tree: its type, then each property's value, text or a nested item. */
    private static ObjectNode item(Element item, int depth) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        String[] types = item.attr("itemtype").strip().split("\\s+");
        node.put("@type", types.length == 0 ? "" : types[0]);
        List<Element> properties = new ArrayList<>();
        properties(item, properties);
        for (Element property : properties) {
            String names = property.attr("itemprop");
            JsonNode value;
            if (property.hasAttr("itemscope")) {
                value = depth < 4 ? item(property, depth + 1) : JsonNodeFactory.instance.textNode(property.text());
            } else if (names.contains("description") && !property.hasAttr("content")) {
                value = JsonNodeFactory.instance.textNode(HtmlText.toText(property.html())); // keeps its paragraphs
            } else {
                value = JsonNodeFactory.instance.textNode(value(property));
            }
            for (String name : names.strip().split("\\s+")) {
                add(node, name, value);
            }
        }
        return node;
    }

    /** The elements below the item that carry its properties, not those of items nested in it. */
    private static void properties(Element parent, List<Element> out) {
        properties(parent, out, 0);
    }

    private static void properties(Element parent, List<Element> out, int depth) {
        if (depth > MAX_DEPTH * 4) {
            return; // markup nested deeper than any page's is not searched
        }
        for (Element child : parent.children()) {
            if (out.size() >= MAX_PROPERTIES) {
                return;
            }
            if (child.hasAttr("itemprop")) {
                out.add(child);
            }
            if (!child.hasAttr("itemscope")) {
                properties(child, out, depth + 1);
            }
        }
    }

    private static void add(ObjectNode node, String name, JsonNode value) {
        if (name.isEmpty()) {
            return;
        }
        JsonNode existing = node.get(name);
        if (existing == null) {
            node.set(name, value);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(value);
        } else {
            ArrayNode both = JsonNodeFactory.instance.arrayNode();
            both.add(existing);
            both.add(value);
            node.set(name, both);
        }
    }

    /** A property's value as microdata defines it for its element. */
    private static String value(Element property) {
        String tag = property.normalName();
        return switch (tag) {
            case "meta" -> property.attr("content");
            case "a", "link", "area" -> property.hasAttr("href") ? property.attr("href") : property.text();
            case "img", "audio", "video", "source", "iframe", "embed", "track" -> property.attr("src");
            case "time" -> property.hasAttr("datetime") ? property.attr("datetime") : property.text();
            case "data", "meter" -> property.attr("value");
            case "object" -> property.attr("data");
            default -> property.hasAttr("content") ? property.attr("content") : property.text();
        };
    }
}
