package org.talkfeed.text;

import java.util.regex.Pattern;

/** Undoes format=flowed (RFC 3676): a line ending in a space continues on the next line. */
final class FlowedText {
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    private FlowedText() {
    }

    static String unwrap(String text, boolean delSp) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : LINE_BREAK.split(text, -1)) {
            boolean signature = line.equals("-- ");
            if (line.startsWith(" ")) {
                line = line.substring(1); // space-stuffing
            }
            if (!signature && line.endsWith(" ")) {
                out.append(delSp ? line.substring(0, line.length() - 1) : line);
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
