package org.talkfeed.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One message page of a Mailman 2 (pipermail) HTML archive, like 2022-February/000123.html: the subject in
 * {@code <H1>}, the author's name in {@code <B>}, the address as the text of the mailto link ("jane at example.edu"),
 * the date in {@code <I>}, and the body between the beginarticle and endarticle comments.
 */
final class PipermailPage {
    private PipermailPage() {
    }

    /** The post on the page, or null when the page is not a pipermail message page. */
    static ArchivedPost read(Path page) throws IOException {
        Document doc = Jsoup.parse(page.toFile(), null);
        Element subject = doc.selectFirst("h1");
        Article article = new Article();
        doc.traverse(article);
        if (subject == null || !article.found) {
            return null;
        }
        Element author = doc.selectFirst("b");
        Element link = doc.selectFirst("a[href^=mailto:]");
        Element date = doc.selectFirst("i");
        String address = link == null ? null : ArchiveAddresses.restore(link.text().strip());
        String body = article.text.toString();
        String messageId = link == null ? null : messageIdOf(link.attr("href"));
        ArchivedPost post = new ArchivedPost(subject.text().strip(), author == null ? null : author.text().strip(),
                address == null || address.isEmpty() ? null : address,
                date == null ? null : ArchivedPost.archiveDate(date.text()), body, messageId);
        return messageId != null ? post : withStableId(post);
    }

    /**
     * Mailman's reply link carries the post's own Message-ID as In-Reply-To, so that a reply made from the page
     * threads under it: the same ID the monthly text archive gives the message.
     */
    private static String messageIdOf(String mailto) {
        int query = mailto.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String parameter : mailto.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).toLowerCase(Locale.ROOT).equals("in-reply-to")) {
                String id = URLDecoder.decode(parameter.substring(eq + 1), StandardCharsets.UTF_8).strip();
                return id.isEmpty() ? null : id;
            }
        }
        return null;
    }

    /** A Message-ID from what the page says, so that importing the page again is recognised. */
    private static ArchivedPost withStableId(ArchivedPost post) {
        String content = String.join("\n", post.subject(), String.valueOf(post.author()), String.valueOf(post.address()),
                String.valueOf(post.date()), post.body());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            String id = "<" + HexFormat.of().formatHex(hash, 0, 16) + "@pipermail.talkfeed.invalid>";
            return new ArchivedPost(post.subject(), post.author(), post.address(), post.date(), post.body(), id);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the text between the beginarticle and endarticle comments. */
    private static final class Article implements NodeVisitor {
        final StringBuilder text = new StringBuilder();
        boolean found;
        private boolean inside;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Comment comment) {
                String data = comment.getData().strip();
                if (data.equals("beginarticle")) {
                    inside = true;
                    found = true;
                } else if (data.equals("endarticle")) {
                    inside = false;
                }
            } else if (inside && node instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            } else if (inside && node instanceof Element element && element.nameIs("br")) {
                text.append('\n');
            }
        }
    }
}
