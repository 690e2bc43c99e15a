package org.talkfeed.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The addresses that take no replies (no-reply, mailer-daemon, list robots), from the vocabulary in {@code no-reply.txt}. */
final class NoReplyAddresses {
    private static final List<String> PATTERNS = load();

    private NoReplyAddresses() {
    }

    static boolean matches(String address) {
        int at = address.lastIndexOf('@');
        String local = (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
        String squeezed = local.replaceAll("[._-]", "");
        for (String pattern : PATTERNS) {
            boolean matched = pattern.endsWith("*") ? local.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.startsWith("*") ? local.endsWith(pattern.substring(1))
                    : squeezed.contains(pattern);
            if (matched) {
                return true;
            }
        }
        return false;
    }

    private static List<String> load() {
        try (InputStream in = NoReplyAddresses.class.getResourceAsStream("no-reply.txt")) {
            if (in == null) {
                throw new IllegalStateException("no-reply.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.toLowerCase(Locale.ROOT)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
