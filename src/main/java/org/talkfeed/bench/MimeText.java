package org.talkfeed.bench;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Encodings {@link EmailGenerator} writes with: quoted-printable bodies, RFC 2047 words, folded headers, HTML. */
final class MimeText {
    private MimeText() {
    }

    static String quotedPrintable(byte[] data) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (int i = 0; i < data.length; i++) {
            int b = data[i] & 0xff;
            if (b == '\n') {
                out.append('\n');
                column = 0;
                continue;
            }
            boolean lineEnd = i + 1 == data.length || data[i + 1] == '\n';
            String piece = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnd)
                    ? String.valueOf((char) b) : String.format("=%02X", b);
            if (column + piece.length() > 75) {
                out.append("=\n");
                column = 0;
            }
            out.append(piece);
            column += piece.length();
        }
        return out.append('\n').toString();
    }

    static String fold(String text) {
        int space = text.indexOf(' ', 50);
        return space < 0 ? text : text.substring(0, space) + "\n" + text.substring(space);
    }

    /** RFC 2047 Q-encoded words, one per ~40 characters, folded onto continuation lines. */
    static String encodedWords(String text, Charset charset) {
        String prefix = "=?" + charset.name() + "?Q?";
        StringBuilder out = new StringBuilder(prefix);
        int inWord = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            String ch = new String(Character.toChars(text.codePointAt(i)));
            for (byte x : ch.getBytes(charset)) {
                int b = x & 0xff;
                out.append(b == ' ' ? "_" : Character.isLetterOrDigit(b) && b < 128 ? String.valueOf((char) b) : String.format("=%02X", b));
                inWord++;
            }
            if (inWord > 40 && i + ch.length() < text.length()) {
                out.append("?=\n ").append(prefix);
                inWord = 0;
            }
        }
        return out.append("?=").toString();
    }

    /** A labeled line as people write it: "When:", "*When:*", "**When:**", "WHEN:", "When -", "- When:". */
    private static final Pattern LABELED = Pattern.compile("^([-*\\s]*[A-Za-z]{2,12}(?::\\**|\\s+-)\\**)\\s*(.*)$");

    /** The plain body as a mailer's HTML: paragraphs, bold labels, sometimes a table per labeled line. */
    static String html(String plain, boolean table) {
        StringBuilder b = new StringBuilder("<html><head><meta charset=\"utf-8\"><style>p { margin: 0 0 8px; }</style></head>\n"
                + "<body style=\"font-family: Arial, sans-serif; font-size: 14px;\"><div>\n<p>");
        for (String line : plain.split("\n")) {
            String esc = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            Matcher labeled = LABELED.matcher(esc);
            if (line.isBlank()) {
                b.append("</p>\n<p>");
            } else if (labeled.matches()) {
                String name = labeled.group(1).replace("*", "").strip();
                String value = labeled.group(2);
                b.append(table ? "<table><tr><td style=\"width:90px\"><b>" + name + "</b></td><td>" + value + "</td></tr></table>"
                        : "<strong>" + name + "</strong> " + value + "<br>").append('\n');
            } else {
                b.append(esc).append('\n');
            }
        }
        return b.append("</p>\n</div></body></html>\n").toString();
    }
}
