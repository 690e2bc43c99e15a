package org.talkfeed.publish;

import org.talkfeed.store.Decision;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkMessage;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;

/**
 * What the archive's templates see: plain values, already formatted, links relative to the page ({@code root} is "" or
 * "../") unless the site has a public address. Every value from mail is escaped by the templates, not here.
 */
final class ArchiveViews {
    private static final DateTimeFormatter DECIDED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** One talk in a list. */
    record Row(String href, String title, boolean cancelled, String when, String speakers, String where) {
    }

    /** A month (or a day, or no heading) of a list. */
    record Group(String heading, String id, List<Row> talks) {
    }

    /** A part of a page, with its heading; left out of a page when it has no talks. */
    record Section(String heading, String id, int count, List<Group> groups) {
    }

    record Link(String label, String href) {
    }

    /** A feed and its variant with reminders: the address, and with a public address the webcal and Google links. */
    record FeedLinks(String label, List<Link> plain, List<Link> reminders) {
    }

    record FeedGroup(String heading, List<FeedLinks> feeds) {
    }

    /** A speaker, series or host named on a talk's page, with their page when they have one. */
    record Named(String name, String affiliation, String href) {
    }

    /** One message about the talk, as it came (its text escaped by the template). */
    record Message(String kind, String subject, String sender, String sent, String text, String archivedAt) {
    }

    record IndexPage(String root, PageSite site, String title, Section thisWeek, Section upcoming, Section past, Section undated,
                     String laterTalks, String olderTalks, FeedLinks calendar, String feeds) {
    }

    /** A page of past or upcoming talks beyond the index. */
    record ListPage(String root, PageSite site, String title, String heading, int page, int pages, List<Group> months,
                    String newer, String older, List<Link> monthIndex) {
    }

    record PersonPage(String root, PageSite site, String title, String kind, String name, int count, FeedLinks feed,
                      Section upcoming, Section past, int page, int pages, String previous, String next) {
    }

    record Entry(String name, String href, int count) {
    }

    record NamesPage(String root, PageSite site, String title, String heading, int count, List<Entry> names) {
    }

    record FeedsPage(String root, PageSite site, String title, List<FeedGroup> groups) {
    }

    record TalkPage(String root, PageSite site, String title, String heading, boolean cancelled, String change, List<Named> speakers, String when,
                    String location, boolean online, String join, String joinText, Named host, Named series,
                    String abstractText, String bio, String ics, String icsWithReminder, String google,
                    List<Message> messages, String moderation) {
        public boolean hasMessages() {
            return !messages.isEmpty();
        }
    }

    private final String siteName;
    private final SubscribeLinks links;

    ArchiveViews(String siteName, SubscribeLinks links) {
        this.siteName = siteName;
        this.links = links;
    }

    String siteName() {
        return siteName;
    }

    static String root(int depth) {
        return "../".repeat(depth);
    }

    PageSite site(int depth) {
        return PageSite.of(siteName, links, depth);
    }

    /** A talk in a list on a page {@code root} below the site's root. */
    static Row row(StoredTalk stored, String root) {
        Talk talk = stored.talk();
        String where = talk.location() != null ? talk.location() : talk.online() ? "Online" : null;
        return new Row(root + "talks/" + stored.slug() + ".html", FeedSet.titleOf(talk), stored.cancelled(), WhenText.brief(talk),
                speakers(talk), where);
    }

    static List<Row> rows(List<StoredTalk> talks, String root) {
        List<Row> rows = new ArrayList<>(talks.size());
        for (StoredTalk talk : talks) {
            rows.add(row(talk, root));
        }
        return rows;
    }

    static String speakers(Talk talk) {
        if (talk.speakers().isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (Speaker speaker : talk.speakers()) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(speaker.withAffiliation());
        }
        return s.toString();
    }

    /**
     * A talk's page ({@code talks/SLUG.html}).
     *
     * @param plan   gives the pages of its speakers, host and series
     * @param before the talk as first announced, null when not known; what changed since is said when it changed
     */
    TalkPage talk(StoredTalk stored, ArchivePlan plan, Talk before, List<TalkMessage> messages, List<Decision> decisions) {
        Talk talk = stored.talk();
        String root = root(1);
        List<Named> speakers = new ArrayList<>();
        for (Speaker speaker : talk.speakers()) {
            speakers.add(new Named(speaker.name(), speaker.affiliation(), href(plan.pageOf(FeedSet.SPEAKERS, speaker.name()), root)));
        }
        Named host = talk.host() == null ? null : new Named(talk.host(), null, href(plan.pageOf(FeedSet.HOSTS, talk.host()), root));
        Named series = talk.series() == null ? null
                : new Named(talk.series(), null, href(plan.pageOf(FeedSet.SERIES, talk.series()), root));
        String change = stored.cancelled() || stored.sequence() > 0 ? ChangeText.describe(before, stored) : null;
        String join = WebAddress.of(talk.url());
        String ics = talk.date() == null ? null : "talks/" + stored.slug() + ".ics";
        return new TalkPage(root, site(1), FeedSet.titleOf(talk) + " · " + siteName, FeedSet.titleOf(talk), stored.cancelled(), change, speakers,
                WhenText.withZoneName(talk), talk.location(), talk.online(), join, join == null ? talk.url() : null, host, series,
                talk.abstractText(), talk.bio(), ics == null ? null : links.href(ics, 1),
                ics == null ? null : links.href(Feed.alarmPath(ics), 1), ics == null ? null : links.googleEvent(stored),
                messages.stream().filter(m -> m.text() != null || WebAddress.of(m.archivedAt()) != null).map(ArchiveViews::message)
                        .toList(), moderation(decisions));
    }

    /** "Held for review (why); approved by whom on when, corrected: fields", or null for a talk never held. */
    private static String moderation(List<Decision> decisions) {
        List<String> parts = new ArrayList<>();
        for (Decision decision : decisions) {
            if (decision.kind() == Decision.Kind.HELD) {
                parts.add("held for review" + (decision.reason() == null ? "" : " (" + decision.reason() + ")"));
            } else if (decision.kind() == Decision.Kind.APPROVED) {
                String corrected = decision.corrections() == null || decision.corrections().isBlank() ? ""
                        : "; corrected: " + String.join(", ", decision.corrections().strip().lines().toList());
                parts.add("approved" + (decision.by() == null ? "" : " by " + decision.by()) + " on "
                        + DECIDED.format(decision.at()) + corrected);
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static final java.time.format.DateTimeFormatter SENT =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm xxx", java.util.Locale.ENGLISH);

    private static Message message(TalkMessage m) {
        return new Message(m.kind() == null ? "message" : m.kind().label(), m.subject(), m.sender(),
                m.sentAt() == null ? null : SENT.format(m.sentAt()), m.text(), WebAddress.of(m.archivedAt()));
    }

    private static String href(String page, String root) {
        return page == null ? null : root + page;
    }

    /** Feed {@code path} and its reminder variant, as linked from a page {@code depth} folders down. */
    FeedLinks feed(String label, String path, int depth) {
        return new FeedLinks(label, feedLinks(path, depth), feedLinks(Feed.alarmPath(path), depth));
    }

    private List<Link> feedLinks(String path, int depth) {
        String href = links.href(path, depth);
        if (!links.absolute()) {
            return List.of(new Link(path.substring(path.lastIndexOf('/') + 1), href));
        }
        // named by its scheme (http or https), as webcal and Google Calendar beside it
        return List.of(new Link(href.substring(0, href.indexOf(':')), href), new Link("webcal", links.webcal(path)),
                new Link("Google Calendar", links.googleSubscribe(path)));
    }
}
