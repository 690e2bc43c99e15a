package org.talkfeed.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what is never part of an announcement: mailing-list footers, quoted replies, signatures
 * and archive residue. Returns the remaining lines, trailing space trimmed.
 */
final class BodyCleaner {
    private static final Pattern FOOTER_START = Pattern.compile(
            "^(-{10,} next part -{10,}|more information about the .* mailing list"
                    + "|you received this message because you are subscribed.*|to unsubscribe( from this (list|group))?.*"
                    + "|an html attachment was scrubbed.*)\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** A closing line ("Best regards,", "Thanks!") near the end: what follows is the sender's signature. */
    private static final Pattern VALEDICTION = Pattern.compile(
            "^((best|kind|warm|warmest|many)\\s+)?(regards|wishes)|(best|cheers|thanks|thank you|sincerely|yours|all the best|"
                    + "see you there|hope to see you there|looking forward to seeing you( there)?)\\b.{0,30}$",
            Pattern.CASE_INSENSITIVE);
    private static final int SIGNATURE_ZONE = 10;
    /** A markdown link, as posts copied from GitHub or a wiki carry them: its text, then its address in angle brackets. */
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]\\n]{1,300})\\]\\((https?://[^)\\s]+)\\)");
    private static final Pattern QUOTE_MARKS = Pattern.compile("^(>\\s?)+");
    private static final Pattern REPLY_HEADER = Pattern.compile("^on .{5,200} wrote:\\s*$", Pattern.CASE_INSENSITIVE);

    List<String> clean(String body) {
        String[] raw = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        boolean mostlyQuoted = mostlyQuoted(raw);
        List<String> lines = new ArrayList<>(raw.length);
        for (int lineIndex = 0; lineIndex < raw.length; lineIndex++) {
            String line = raw[lineIndex];
            String trimmed = stripTrailing(line.replace('\u00a0', ' ').replace("\u200b", ""));
            if (trimmed.contains("**")) {
                trimmed = trimmed.replace("**", ""); // markdown bold, as blog and wiki posts carry it
            }
            if (trimmed.indexOf("](") > 0) {
                trimmed = MARKDOWN_LINK.matcher(trimmed).replaceAll("$1 <$2>");
            }
            String probe = trimmed.strip();
            if (probe.equals("--") || probe.equals("-- ") || trimmed.equals("-- ")) {
                if (lines.size() > 3) {
                    break; // signature separator
                }
                continue;
            }
            if (lines.size() > 3 && (mayStartFooter(probe) && FOOTER_START.matcher(probe).matches() || isFooterRule(raw, lineIndex))) {
                break;
            }
            if (probe.startsWith(">") && mostlyQuoted) {
                trimmed = QUOTE_MARKS.matcher(probe).replaceFirst("");
            } else if (probe.startsWith(">") || probe.regionMatches(true, 0, "on ", 0, 3) && REPLY_HEADER.matcher(probe).matches()) {
                continue;
            }
            lines.add(trimmed);
        }
        cutClosing(lines);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        return lines;
    }

    /** Whether a line can be one FOOTER_START matches: one of its openings, told without running it. */
    private static boolean mayStartFooter(String line) {
        return line.startsWith("----------") || FOOTER_OPENINGS.stream().anyMatch(o -> line.regionMatches(true, 0, o, 0, o.length()));
    }

    private static final List<String> FOOTER_OPENINGS = List.of("more information about the ", "you received this message",
            "to unsubscribe", "an html attachment was scrubbed");

    /** A rule of underscores starts a list footer only when footer words follow it or it closes the message. */
    private static boolean isFooterRule(String[] raw, int index) {
        if (!RULE.matcher(raw[index].strip()).matches()) {
            return false;
        }
        int remaining = 0;
        for (int j = index + 1; j < raw.length && remaining < 4; j++) { // only the next four lines of text can decide
            if (!raw[j].isBlank()) {
                remaining++;
                if (FOOTER_WORDS.matcher(raw[j]).find()) {
                    return true;
                }
            }
        }
        return remaining <= 2;
    }

    private static final Pattern RULE = Pattern.compile("_{20,}");
    private static final Pattern FOOTER_WORDS = Pattern.compile(
            "(?i)mailing list|listinfo|unsubscribe|list archive|mailman|options/|https?://\\S*lists?\\.|@lists?\\.");

    private static void cutClosing(List<String> lines) {
        for (int i = Math.max(4, lines.size() - SIGNATURE_ZONE); i < lines.size(); i++) {
            String probe = lines.get(i).strip();
            if (probe.length() <= 45 && VALEDICTION.matcher(probe).matches()) {
                lines.subList(i, lines.size()).clear();
                return;
            }
        }
    }

    /** A forwarded announcement quoted whole is the message; a reply's quote is not. */
    private static boolean mostlyQuoted(String[] lines) {
        int quoted = 0;
        int text = 0;
        for (String line : lines) {
            String probe = line.strip();
            if (probe.isEmpty()) {
                continue;
            }
            if (probe.startsWith(">")) {
                quoted++;
            } else {
                text++;
            }
        }
        return quoted > 2 * text;
    }

    private static String stripTrailing(String s) {
        return s.stripTrailing();
    }
}
