package org.talkfeed.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address of each series, speaker and host feed. A name gets its slug the first time it is published (names in
 * the order their talks were created), and keeps it: the mapping is kept in the site, in {@link #FILE_NAME}, which
 * the server never serves (a dot-file). Two names that slug alike get distinct slugs, the later one a number.
 * Names are the same name when they differ only in case, accents' composition or spacing.
 */
final class FeedSlugs {
    static final String FILE_NAME = ".feed-slugs.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_LENGTH = 60;
    /** The list of a folder's names is its index.html: no name's page may take that address. */
    private static final String RESERVED = "index";

    /** Per kind's folder (series, speakers, hosts): name key to slug, in the order the slugs were given. */
    private final Map<String, Map<String, String>> byFolder;
    private final Map<String, Set<String>> taken = new LinkedHashMap<>();

    private FeedSlugs(Map<String, Map<String, String>> byFolder) {
        this.byFolder = byFolder;
        byFolder.forEach((folder, slugs) -> taken.put(folder, new HashSet<>(slugs.values())));
    }

    static FeedSlugs empty() {
        return new FeedSlugs(new LinkedHashMap<>());
    }

    /** The mapping kept in {@code file}; none yet when it does not exist. An unreadable one is an error, not a fresh start. */
    static FeedSlugs read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        try {
            return new FeedSlugs(JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Map<String, String>>>() { }));
        } catch (IOException e) {
            throw new IOException(file + ": the feed slugs cannot be read (" + e.getMessage() + "); published feed addresses "
                    + "would change, so nothing is published until it is repaired or removed", e);
        }
    }

    String json() {
        try {
            return JSON.writeValueAsString(byFolder) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The slug of this name's feed in {@code folder}, given now if the name has none yet. */
    String slug(String folder, String name, String fallback) {
        Map<String, String> slugs = byFolder.computeIfAbsent(folder, f -> new LinkedHashMap<>());
        String key = key(name);
        String known = slugs.get(key);
        if (known != null) {
            return known;
        }
        Set<String> used = taken.computeIfAbsent(folder, f -> new HashSet<>());
        String base = base(name, fallback);
        String slug = base;
        for (int n = 2; used.contains(slug) || slug.equals(RESERVED); n++) {
            slug = base + "-" + n;
        }
        slugs.put(key, slug);
        used.add(slug);
        return slug;
    }

    /** What makes two spellings one name: case, Unicode composition and spacing do not count. */
    static String key(String name) {
        return SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC).strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static String base(String name, String fallback) {
        String ascii = MARKS.matcher(Normalizer.normalize(key(name), Normalizer.Form.NFKD)).replaceAll("");
        String slug = EDGE_DASHES.matcher(NOT_SLUG.matcher(ascii).replaceAll("-")).replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > 0 ? cut : MAX_LENGTH);
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
