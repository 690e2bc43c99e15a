package org.talkfeed.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTML to plain text that keeps the structure extraction relies on: block elements and {@code <br>}
 * end lines, paragraphs leave a blank line, table cells are separated by two spaces, and a link's
 * address follows its text when the two differ.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "ul", "ol", "blockquote", "pre", "section", "article", "header", "footer", "dd", "dt", "hr",
            "address", "center", "title");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table",
            "blockquote", "ul", "ol", "hr");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private HtmlText() {
    }

    public static String toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new Renderer(out), doc.body());
        StringBuilder text = new StringBuilder(out.length());
        for (String line : out.toString().split("\n", -1)) {
            text.append(line.stripTrailing()).append('\n'); // per line: a regex over a long run of spaces backtracks
        }
        return BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    /** Elements whose content jsoup keeps as raw text up to their end tag, and whether that text is shown. */
    private static final Map<String, Boolean> RAW_TEXT = Map.of("script", false, "style", false, "xmp", true,
            "iframe", true, "noembed", true, "noframes", true, "noscript", true, "textarea", true, "title", true);
    /** What the renderer may add for one tag: line breaks for it and for a row it implies, or a cell gap. */
    private static final int PER_TAG = 8;

    /**
     * A length that {@link #toText} of the HTML never exceeds, found without parsing it: every character outside
     * tags, as if shown, plus what one tag may add (line breaks, or a link's address). Cheap enough to decide
     * whether rendering an HTML alternative is worth it.
     */
    public static int textLengthBound(String html) {
        long bound = 0;
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            boolean tag = c == '<' && i + 1 < n && isTagStart(html.charAt(i + 1));
            if (tag && html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 2);
                if (end < 0) {
                    return (int) Math.min(Integer.MAX_VALUE, bound + n - i); // unclosed: counted as if shown
                }
                bound += PER_TAG;
                i = end + 3;
                continue;
            }
            int close = tag ? html.indexOf('>', i) : -1;
            if (close < 0) {
                bound++;
                i++;
                continue;
            }
            String name = tagName(html, i + 1);
            bound += PER_TAG + (name.equals("a") ? close - i + 3 : 0);
            i = close + 1;
            if (name.equals("plaintext")) {
                return (int) Math.min(Integer.MAX_VALUE, bound + n - i);
            }
            Boolean shown = RAW_TEXT.get(name);
            if (shown != null) {
                int end = indexOfIgnoreCase(html, "</" + name, i);
                int stop = end < 0 ? n : end;
                bound += shown || end < 0 ? stop - i : 0; // no end tag found: counted as if shown
                i = stop;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bound);
    }

    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
    }

    /** The lower-case name of an opening tag whose name starts at the position; "" for end tags and others. */
    private static String tagName(String html, int from) {
        int end = from;
        while (end < html.length() && Character.isLetterOrDigit(html.charAt(end)) && html.charAt(end) < 128) {
            end++;
        }
        return html.substring(from, end).toLowerCase(Locale.ROOT);
    }

    private static int indexOfIgnoreCase(String text, String word, int from) {
        for (int i = from; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return -1;
    }

    private record Renderer(StringBuilder out) implements NodeVisitor {
        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String s = text.getWholeText().replace('\u00a0', ' ');
                if (insidePre(node)) {
                    out.append(s);
                } else {
                    s = SPACES.matcher(s).replaceAll(" ");
                    if (endsWithSpaceOrBreak() && s.startsWith(" ")) {
                        s = s.substring(1);
                    }
                    out.append(s);
                }
            } else if (node instanceof Element el) {
                String tag = el.normalName();
                if (tag.equals("br")) {
                    out.append('\n');
                } else if (tag.equals("td") || tag.equals("th")) {
                    if (el.elementSiblingIndex() > 0) {
                        out.append("  ");
                    }
                } else if (BLOCKS.contains(tag)) {
                    breakLine(PARAGRAPHS.contains(tag));
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element el) {
                String tag = el.normalName();
                if (tag.equals("a")) {
                    String href = el.attr("href");
                    String text = el.text();
                    if (href.startsWith("http") && !text.contains(href) && !href.contains(text.strip())) {
                        out.append(" <").append(href).append('>');
                    }
                } else if (BLOCKS.contains(tag)) {
                    breakLine(PARAGRAPHS.contains(tag));
                }
            }
        }

        private void breakLine(boolean paragraph) {
            if (out.isEmpty()) {
                return;
            }
            if (out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            if (paragraph && (out.length() < 2 || out.charAt(out.length() - 2) != '\n')) {
                out.append('\n');
            }
        }

        private boolean endsWithSpaceOrBreak() {
            if (out.isEmpty()) {
                return true;
            }
            char last = out.charAt(out.length() - 1);
            return last == ' ' || last == '\n';
        }

        private static boolean insidePre(Node node) {
            for (Node p = node.parentNode(); p != null; p = p.parentNode()) {
                if (p instanceof Element e && e.normalName().equals("pre")) {
                    return true;
                }
            }
            return false;
        }
    }
}
