package org.talkfeed.mail;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mailman archives write addresses as "jane at example.edu"; these are turned back into jane@example.edu. */
final class ArchiveAddresses {
    private static final Pattern OBFUSCATED = Pattern.compile("([\\w.+-]+) at ([\\w-]+(?:\\.[\\w-]+)+)");
    private static final Pattern FROM_HEADER = Pattern.compile("(?im)^From:[^\\n]*(?:\\n[ \\t][^\\n]*)*");

    private ArchiveAddresses() {
    }

    /** The text with every obfuscated address restored. */
    static String restore(String text) {
        return OBFUSCATED.matcher(text).replaceAll("$1@$2");
    }

    /** The message with the addresses in its From header restored; its other bytes are left as they are. */
    static byte[] restoreFromHeader(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int headerEnd = headerEnd(text);
        Matcher from = FROM_HEADER.matcher(text).region(0, headerEnd);
        if (!from.find()) {
            return message;
        }
        String restored = restore(from.group());
        if (restored.equals(from.group())) {
            return message;
        }
        return (text.substring(0, from.start()) + restored + text.substring(from.end())).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int headerEnd(String text) {
        int lf = text.indexOf("\n\n");
        int crlf = text.indexOf("\r\n\r\n");
        int end = lf < 0 ? crlf : crlf < 0 ? lf : Math.min(lf, crlf);
        return end < 0 ? text.length() : end;
    }
}
