package org.talkfeed.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One Authentication-Results header (RFC 8601): the server that wrote it (its authserv-id) and each check it made,
 * such as {@code dkim=pass header.d=example.edu} or {@code dmarc=fail header.from=example.edu}.
 */
public record AuthenticationResults(String authservId, List<Check> checks) {
    private static final Pattern SPACED_EQUALS = Pattern.compile("\\s*=\\s*");
    private static final Pattern SPACED_DOT = Pattern.compile("\\s*\\.\\s*(?=[^=\\s]*=)");

    /** One method's result, with its properties ({@code header.d}, {@code header.from}, {@code smtp.mailfrom}...). */
    public record Check(String method, String result, Map<String, String> properties) {
        public String property(String name) {
            return properties.get(name);
        }
    }

    public AuthenticationResults {
        checks = List.copyOf(checks);
    }

    /** The header's value read leniently: comments dropped, names lower-cased; an empty authserv-id when it has none. */
    public static AuthenticationResults parse(String header) {
        List<String> sections = splitOutsideQuotes(withoutComments(header));
        String[] first = sections.isEmpty() ? new String[0] : sections.get(0).strip().split("\\s+");
        String authservId = first.length == 0 ? "" : first[0].toLowerCase(Locale.ROOT);
        List<Check> checks = new ArrayList<>();
        for (String section : sections.subList(Math.min(1, sections.size()), sections.size())) {
            Check check = check(section);
            if (check != null) {
                checks.add(check);
            }
        }
        return new AuthenticationResults(authservId, checks);
    }

    private static Check check(String section) {
        String joined = SPACED_DOT.matcher(SPACED_EQUALS.matcher(section.strip()).replaceAll("=")).replaceAll(".");
        String[] tokens = joined.split("\\s+");
        int equals = tokens[0].indexOf('=');
        if (equals <= 0) {
            return null;
        }
        String method = tokens[0].substring(0, equals).toLowerCase(Locale.ROOT);
        int version = method.indexOf('/');
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq > 0) {
                properties.put(tokens[i].substring(0, eq).toLowerCase(Locale.ROOT), unquote(tokens[i].substring(eq + 1)));
            }
        }
        return new Check(version > 0 ? method.substring(0, version) : method,
                tokens[0].substring(equals + 1).toLowerCase(Locale.ROOT), properties);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** The text without its (possibly nested) comments; quoted strings are kept as they are. */
    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                if (depth == 0) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
                out.append(c);
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
                out.append(' ');
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<String> splitOutsideQuotes(String text) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }
}
