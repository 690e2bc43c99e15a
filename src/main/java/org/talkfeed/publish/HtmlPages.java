package org.talkfeed.publish;

import org.jsoup.nodes.Entities;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HTML archive: an index of upcoming and past talks, and one page per talk. Everything from an email is escaped. */
final class HtmlPages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
            h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;width:100%}td{padding:.4rem .5rem;vertical-align:top;border-bottom:1px solid #eee}
            td.when{white-space:nowrap;width:11rem;color:#444}.cancelled{color:#999;text-decoration:line-through}
            .badge{font-size:.75rem;background:#c33;color:#fff;border-radius:3px;padding:0 .3rem;text-decoration:none}
            .muted{color:#666}input[type=search]{width:100%;padding:.4rem;font-size:1rem;margin:.5rem 0}
            dl{display:grid;grid-template-columns:8rem 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}
            .abstract{white-space:pre-line}.feeds td{padding:.25rem .5rem}summary{cursor:pointer;margin:.6rem 0}
            """;
    private static final String FILTER_SCRIPT = """
            <script>
            document.getElementById('q').addEventListener('input', function () {
              var q = this.value.toLowerCase();
              document.querySelectorAll('tr.talk').forEach(function (row) {
                row.hidden = q && row.textContent.toLowerCase().indexOf(q) < 0;
              });
            });
            </script>
            """;

    private final String siteName;
    private final SubscribeLinks links;
    /** Each listed talk's row in the index as last made, by the talk's version: made again only for talks that changed. */
    private Map<RenderedEvents.Version, String> rows = new HashMap<>();

    HtmlPages(String siteName, SubscribeLinks links) {
        this.siteName = siteName;
        this.links = links;
    }

    /** @param feeds the subscribable feeds (plain; each links its reminder variant too) */
    String index(List<StoredTalk> talks, LocalDate today, List<Feed> feeds) {
        List<StoredTalk> dated = talks.stream().filter(t -> t.talk().date() != null).toList();
        Map<StoredTalk, String> sortKeys = new IdentityHashMap<>(dated.size() * 2);
        Comparator<StoredTalk> chronological = Comparator.comparing(t -> sortKeys.computeIfAbsent(t, HtmlPages::sortKey));
        List<StoredTalk> upcoming = dated.stream().filter(t -> !t.talk().date().isBefore(today)).sorted(chronological).toList();
        List<StoredTalk> past = dated.stream().filter(t -> t.talk().date().isBefore(today)).sorted(chronological.reversed()).toList();
        Map<RenderedEvents.Version, String> rowsNow = new HashMap<>(dated.size() * 2);
        StringBuilder html = new StringBuilder();
        page(html, siteName, 0);
        html.append("<h1>").append(e(siteName)).append("</h1>\n");
        html.append("<p>Subscribe: <a href=\"").append(e(links.href("calendar.ics", 0))).append("\">calendar.ics</a> · <a href=\"")
                .append(e(links.href("talks.json", 0))).append("\">talks.json</a> · <a href=\"")
                .append(e(links.href(AtomFeed.PATH, 0))).append("\">Atom feed</a> (new and changed talks) · <a href=\"#feeds\">all feeds</a></p>\n");
        html.append("<input type=\"search\" id=\"q\" placeholder=\"Search speakers, titles, places\" aria-label=\"Search talks\">\n");
        section(html, "Upcoming talks", upcoming, "upcoming", rowsNow);
        section(html, "Past talks", past, "past", rowsNow);
        rows = rowsNow;
        feeds(html, feeds);
        html.append(FILTER_SCRIPT);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    String talk(StoredTalk stored) {
        Talk talk = stored.talk();
        String heading = talk.title() != null ? talk.title() : "Talk by " + talk.speakerNames();
        StringBuilder html = new StringBuilder();
        page(html, heading + " · " + siteName, 1);
        html.append("<p><a href=\"../index.html\">← All talks</a></p>\n");
        html.append("<h1").append(stored.cancelled() ? " class=\"cancelled\"" : "").append('>').append(e(heading)).append("</h1>\n");
        if (stored.cancelled()) {
            html.append("<p><span class=\"badge\">Cancelled</span></p>\n");
        }
        html.append("<dl>\n");
        for (Speaker speaker : talk.speakers()) {
            item(html, "Speaker", speaker.name() + (speaker.affiliation() == null ? "" : ", " + speaker.affiliation()));
        }
        item(html, "When", when(talk));
        item(html, "Where", talk.location());
        if (talk.online()) {
            if (talk.url() != null) {
                html.append("<dt>Online</dt><dd><a href=\"").append(e(talk.url())).append("\">").append(e(talk.url()))
                        .append("</a></dd>\n");
            } else {
                item(html, "Online", "yes");
            }
        }
        item(html, "Host", talk.host());
        item(html, "Series", talk.series());
        if (talk.date() != null) {
            String ics = "talks/" + stored.slug() + ".ics";
            html.append("<dt>Calendar</dt><dd><a href=\"").append(e(links.href(ics, 1))).append("\">Add this talk</a> (.ics) · <a href=\"")
                    .append(e(links.href(Feed.alarmPath(ics), 1))).append("\">with a reminder</a> · <a href=\"")
                    .append(e(links.googleEvent(stored))).append("\">Add to Google Calendar</a></dd>\n");
        }
        html.append("</dl>\n");
        if (talk.abstractText() != null) {
            html.append("<h2>Abstract</h2>\n<p class=\"abstract\">").append(e(talk.abstractText())).append("</p>\n");
        }
        if (talk.bio() != null) {
            html.append("<h2>Bio</h2>\n<p class=\"abstract\">").append(e(talk.bio())).append("</p>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /**
     * Every feed a reader can subscribe to, by kind: its address, and with a base URL the webcal:// link and Google
     * Calendar's subscribe link; then the same for its variant with reminders.
     */
    private void feeds(StringBuilder html, List<Feed> feeds) {
        html.append("<h2 id=\"feeds\">Calendar feeds</h2>\n<p class=\"muted\">Each feed holds the last weeks' talks and every upcoming one; "
                + "the yearly feeds hold a whole year. Each has a variant with a reminder before every talk.</p>\n");
        feedGroup(html, "All talks", feeds, Feed.Kind.ALL, false);
        feedGroup(html, "Series", feeds, Feed.Kind.SERIES, false);
        feedGroup(html, "Speakers", feeds, Feed.Kind.SPEAKER, true);
        feedGroup(html, "Hosts", feeds, Feed.Kind.HOST, true);
        feedGroup(html, "Years", feeds, Feed.Kind.YEAR, false);
    }

    private void feedGroup(StringBuilder html, String heading, List<Feed> feeds, Feed.Kind kind, boolean folded) {
        List<Feed> group = feeds.stream().filter(f -> f.kind() == kind).toList();
        if (group.isEmpty()) {
            return;
        }
        html.append(folded ? "<details><summary>" + heading + " (" + group.size() + ")</summary>\n" : "<h3>" + heading + "</h3>\n");
        html.append("<table class=\"feeds\">\n");
        for (Feed feed : group) {
            html.append("<tr><td>").append(e(feed.label() == null ? siteName : feed.label())).append("</td><td>");
            feedLinks(html, feed.path(), "");
            html.append("</td><td>");
            feedLinks(html, Feed.alarmPath(feed.path()), "with reminders: ");
            html.append("</td></tr>\n");
        }
        html.append("</table>\n").append(folded ? "</details>\n" : "");
    }

    private void feedLinks(StringBuilder html, String path, String lead) {
        String href = links.href(path, 0);
        // with a base URL the link is named by its scheme (http or https), as webcal and Google Calendar beside it
        String label = links.absolute() ? href.substring(0, href.indexOf(':')) : path;
        html.append(lead).append("<a href=\"").append(e(href)).append("\">").append(e(label)).append("</a>");
        if (links.absolute()) {
            html.append(" · <a href=\"").append(e(links.webcal(path))).append("\">webcal</a> · <a href=\"")
                    .append(e(links.googleSubscribe(path))).append("\">Google Calendar</a>");
        }
    }

    private void section(StringBuilder html, String heading, List<StoredTalk> talks, String id,
                         Map<RenderedEvents.Version, String> rowsNow) {
        html.append("<h2 id=\"").append(id).append("\">").append(heading).append(" (").append(talks.size()).append(")</h2>\n");
        if (talks.isEmpty()) {
            html.append("<p class=\"muted\">None.</p>\n");
            return;
        }
        html.append("<table>\n");
        for (StoredTalk stored : talks) {
            RenderedEvents.Version version = RenderedEvents.Version.of(stored);
            String row = rows.get(version);
            if (row == null) {
                row = row(stored);
            }
            rowsNow.put(version, row);
            html.append(row);
        }
        html.append("</table>\n");
    }

    private static String row(StoredTalk stored) {
        Talk talk = stored.talk();
        StringBuilder html = new StringBuilder(256);
        html.append("<tr class=\"talk").append(stored.cancelled() ? " cancelled" : "").append("\"><td class=\"when\">")
                .append(e(when(talk))).append("</td><td>");
        String title = talk.title() != null ? talk.title() : "(untitled)";
        html.append("<a href=\"talks/").append(e(stored.slug())).append(".html\">").append(e(title)).append("</a>");
        if (stored.cancelled()) {
            html.append(" <span class=\"badge\">Cancelled</span>");
        }
        if (!talk.speakers().isEmpty()) {
            html.append("<br>").append(e(speakers(talk)));
        }
        String where = talk.location() != null ? talk.location() : talk.online() ? "Online" : null;
        if (where != null) {
            html.append("<br><span class=\"muted\">").append(e(where)).append("</span>");
        }
        html.append("</td></tr>\n");
        return html.toString();
    }

    private static String speakers(Talk talk) {
        StringBuilder s = new StringBuilder();
        for (Speaker speaker : talk.speakers()) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(speaker.name());
            if (speaker.affiliation() != null) {
                s.append(" (").append(speaker.affiliation()).append(')');
            }
        }
        return s.toString();
    }

    static String when(Talk talk) {
        if (talk.date() == null) {
            return "date unknown";
        }
        if (talk.start() == null) {
            return DAY.format(talk.date());
        }
        String text = DAY.format(talk.date()) + ", " + TIME.format(talk.start());
        if (talk.end() != null) {
            text += "–" + TIME.format(talk.end());
        }
        if (talk.timezone() == null) {
            return text; // local time of a place not known
        }
        return text + " " + ZoneId.of(talk.timezone()).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static String sortKey(StoredTalk stored) {
        Talk talk = stored.talk();
        return talk.startsAt().map(z -> z.toInstant().toString()).orElse(talk.date().toString() + "T00:00:00Z");
    }

    /** @param depth how many folders below the site's root the page is */
    private void page(StringBuilder html, String title, int depth) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").append(e(siteName))
                .append("\" href=\"").append(e(links.href(AtomFeed.PATH, depth))).append("\">\n")
                .append("<title>").append(e(title)).append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static void item(StringBuilder html, String label, String value) {
        if (value != null && !value.isBlank()) {
            html.append("<dt>").append(label).append("</dt><dd>").append(e(value)).append("</dd>\n");
        }
    }

    private static String e(String text) {
        return Entities.escape(text);
    }
}
