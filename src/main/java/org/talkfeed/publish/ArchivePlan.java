package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.text.Collator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.IntFunction;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The archive's pages besides each talk's own, planned from the talks' outlines: for each its path, its template, what
 * it shows besides talks ({@code inputs}, for its fingerprint), the talks it lists, and how to make its view when it is
 * rendered. The index holds this week (Monday to Sunday in the list's zone), the first {@link #PAGE_SIZE} later talks
 * and the latest past ones; {@code upcoming/N.html} and {@code past/N.html} hold the rest. Past talks are cut into pages
 * counted from the oldest, so that a week's talks passing, or a new talk, move only the newest pages' contents (the
 * pages are numbered again, all rewritten, each time the past talks fill another page). Each series, speaker and host
 * has its pages beside its feed ({@code speakers/SLUG.html}, then {@code SLUG.2.html}...), and each folder a list.
 */
final class ArchivePlan {
    static final int PAGE_SIZE = 150;
    static final String INDEX = "index.html";
    static final String FEEDS = "feeds.html";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    /** Months of upcoming talks have ids of their own: a month can be both upcoming and past on one page. */
    private static final String UPCOMING_IDS = "up-";
    private static final DateTimeFormatter WEEK_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** One page to publish. */
    record Page(String path, String template, String inputs, List<StoredTalk> talks, Supplier<Object> view) {
    }

    private final ArchiveViews views;
    private final List<Page> pages = new ArrayList<>();
    /** Per folder (series, speakers, hosts): a name's key to its slug. */
    private final Map<String, Map<String, String>> slugs = new HashMap<>();

    private ArchivePlan(ArchiveViews views) {
        this.views = views;
    }

    /**
     * @param outlines every talk
     * @param today    the day in the list's zone
     */
    static ArchivePlan of(List<StoredTalk> outlines, FeedSet feeds, LocalDate today, ArchiveViews views) {
        ArchivePlan plan = new ArchivePlan(views);
        plan.timeline(outlines, feeds.dated(), today);
        plan.feedsPage(feeds.subscribable());
        for (String folder : List.of(FeedSet.SPEAKERS, FeedSet.SERIES, FeedSet.HOSTS)) {
            List<FeedSet.Named> named = feeds.names().stream().filter(n -> n.folder().equals(folder)).toList();
            Map<String, String> bySlug = new HashMap<>(named.size() * 2);
            for (FeedSet.Named name : named) {
                bySlug.put(FeedSlugs.key(name.label()), name.slug());
                plan.person(name, today);
            }
            plan.slugs.put(folder, bySlug);
            plan.names(folder, named);
        }
        return plan;
    }

    List<Page> pages() {
        return pages;
    }

    /** The page of this series, speaker or host ({@code folder}), relative to the site's root; null when it has none. */
    String pageOf(String folder, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String slug = slugs.getOrDefault(folder, Map.of()).get(FeedSlugs.key(name));
        return slug == null ? null : folder + "/" + slug + ".html";
    }

    /** What a talk's page links to besides itself: the pages of its speakers, host and series, for its fingerprint. */
    String linksOf(Talk talk) {
        StringBuilder links = new StringBuilder();
        for (Speaker speaker : talk.speakers()) {
            links.append(pageOf(FeedSet.SPEAKERS, speaker.name())).append('\n');
        }
        return links.append(pageOf(FeedSet.HOSTS, talk.host())).append('\n').append(pageOf(FeedSet.SERIES, talk.series())).toString();
    }

    private void timeline(List<StoredTalk> outlines, List<StoredTalk> dated, LocalDate today) {
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        LocalDate sunday = monday.plusDays(6);
        List<StoredTalk> thisWeek = new ArrayList<>();
        List<StoredTalk> later = new ArrayList<>();
        List<StoredTalk> past = new ArrayList<>(); // oldest first
        for (StoredTalk talk : dated) {
            LocalDate date = talk.talk().date();
            (date.isBefore(monday) ? past : date.isAfter(sunday) ? later : thisWeek).add(talk);
        }
        List<StoredTalk> undated = outlines.stream().filter(t -> t.talk().date() == null).toList();
        List<List<StoredTalk>> laterPages = chunks(later);
        List<List<StoredTalk>> pastPages = chunks(past);
        // newest first: the index shows the newest chunk (page 1), past/2.html the one before it
        List<List<StoredTalk>> pastNewestFirst = new ArrayList<>();
        for (int k = pastPages.size() - 1; k >= 0; k--) {
            pastNewestFirst.add(reversed(pastPages.get(k)));
        }
        Map<YearMonth, Integer> monthPages = new LinkedHashMap<>();
        for (int n = 1; n <= pastNewestFirst.size(); n++) {
            for (StoredTalk talk : pastNewestFirst.get(n - 1)) {
                monthPages.putIfAbsent(YearMonth.from(talk.talk().date()), n);
            }
        }
        String monthInputs = monthPages.toString();

        List<StoredTalk> laterOnIndex = laterPages.isEmpty() ? List.of() : laterPages.get(0);
        List<StoredTalk> pastOnIndex = pastNewestFirst.isEmpty() ? List.of() : pastNewestFirst.get(0);
        List<StoredTalk> onIndex = new ArrayList<>(thisWeek);
        onIndex.addAll(laterOnIndex);
        onIndex.addAll(pastOnIndex);
        onIndex.addAll(undated);
        String indexInputs = monday + " " + thisWeek.size() + " " + laterOnIndex.size() + " " + pastOnIndex.size() + " "
                + laterPages.size() + " " + pastNewestFirst.size();
        pages.add(new Page(INDEX, "index.html", indexInputs, onIndex, () -> {
            String root = "";
            return new ArchiveViews.IndexPage(root, views.site(0), views.siteName(),
                    section("This week", "this-week", thisWeek, byDay(thisWeek, root)),
                    section("Upcoming", "upcoming", laterOnIndex, byMonth(laterOnIndex, root, UPCOMING_IDS)),
                    section("Past talks", "past", pastOnIndex, byMonth(pastOnIndex, root, "")),
                    section("Date not known", "undated", undated, List.of(new ArchiveViews.Group(null, null,
                            ArchiveViews.rows(undated, root)))),
                    laterPages.size() > 1 ? "upcoming/2.html" : null, pastNewestFirst.size() > 1 ? "past/2.html" : null,
                    views.feed(views.siteName(), "calendar.ics", 0), FEEDS);
        }));

        listPages("upcoming", "Upcoming talks", laterPages, UPCOMING_IDS, "", page -> List.of());
        listPages("past", "Past talks", pastNewestFirst, "", " " + monthInputs, page -> monthIndex(monthPages, page));
    }

    /**
     * The pages after the index's first chunk: {@code folder/2.html}, {@code folder/3.html}... each with its chunk of
     * talks by month and links to the newer and older pages.
     */
    private void listPages(String folder, String heading, List<List<StoredTalk>> chunks, String monthIds, String moreInputs,
                           IntFunction<List<ArchiveViews.Link>> months) {
        for (int n = 2; n <= chunks.size(); n++) {
            int page = n;
            List<StoredTalk> talks = chunks.get(n - 1);
            String newer = n == 2 ? "../index.html" : (n - 1) + ".html";
            String older = n < chunks.size() ? (n + 1) + ".html" : null;
            pages.add(new Page(folder + "/" + n + ".html", "list.html", folder + " " + n + " " + chunks.size() + moreInputs, talks,
                    () -> new ArchiveViews.ListPage("../", views.site(1), heading + ", page " + page + " · " + views.siteName(),
                            heading + ", page " + page, page, chunks.size(), byMonth(talks, "../", monthIds), newer, older,
                            months.apply(page))));
        }
    }

    /** Every month of past talks, newest first, linking to the page that holds (the newest of) its talks. */
    private static List<ArchiveViews.Link> monthIndex(Map<YearMonth, Integer> monthPages, int from) {
        List<ArchiveViews.Link> links = new ArrayList<>(monthPages.size());
        monthPages.forEach((month, page) -> {
            String file = page == 1 ? "../index.html" : page == from ? "" : page + ".html";
            links.add(new ArchiveViews.Link(MONTH.format(month), file + "#" + monthId(month)));
        });
        return links;
    }

    private static String monthId(YearMonth month) {
        return "m-" + month;
    }

    /** Talks grouped by month, in their order; a month already shown on the page before is "(continued)". */
    private static List<ArchiveViews.Group> byMonth(List<StoredTalk> talks, String root, String idPrefix) {
        List<ArchiveViews.Group> groups = new ArrayList<>();
        YearMonth current = null;
        List<StoredTalk> members = new ArrayList<>();
        for (StoredTalk talk : talks) {
            YearMonth month = YearMonth.from(talk.talk().date());
            if (!month.equals(current)) {
                if (current != null) {
                    groups.add(new ArchiveViews.Group(MONTH.format(current), idPrefix + monthId(current), ArchiveViews.rows(members, root)));
                }
                current = month;
                members = new ArrayList<>();
            }
            members.add(talk);
        }
        if (current != null) {
            groups.add(new ArchiveViews.Group(MONTH.format(current), idPrefix + monthId(current), ArchiveViews.rows(members, root)));
        }
        return groups;
    }

    private static List<ArchiveViews.Group> byDay(List<StoredTalk> talks, String root) {
        Map<LocalDate, List<StoredTalk>> days = new LinkedHashMap<>();
        talks.forEach(t -> days.computeIfAbsent(t.talk().date(), d -> new ArrayList<>()).add(t));
        List<ArchiveViews.Group> groups = new ArrayList<>();
        days.forEach((day, members) -> groups.add(new ArchiveViews.Group(WEEK_DAY.format(day), "d-" + day,
                ArchiveViews.rows(members, root))));
        return groups;
    }

    private static ArchiveViews.Section section(String heading, String id, List<StoredTalk> talks, List<ArchiveViews.Group> groups) {
        return talks.isEmpty() ? null : new ArchiveViews.Section(heading, id, talks.size(), groups);
    }

    private void feedsPage(List<Feed> feeds) {
        List<Feed> shown = feeds.stream().filter(f -> f.kind() == Feed.Kind.ALL || f.kind() == Feed.Kind.YEAR).toList();
        StringBuilder inputs = new StringBuilder();
        shown.forEach(f -> inputs.append(f.kind()).append(' ').append(f.label()).append(' ').append(f.path()).append('\n'));
        pages.add(new Page(FEEDS, "feeds.html", inputs.toString(), List.of(), () -> {
            List<ArchiveViews.FeedGroup> groups = new ArrayList<>();
            groups.add(new ArchiveViews.FeedGroup("All talks", shown.stream().filter(f -> f.kind() == Feed.Kind.ALL)
                    .map(f -> views.feed(views.siteName(), f.path(), 0)).toList()));
            List<ArchiveViews.FeedLinks> years = shown.stream().filter(f -> f.kind() == Feed.Kind.YEAR)
                    .map(f -> views.feed(f.label(), f.path(), 0)).toList();
            if (!years.isEmpty()) {
                groups.add(new ArchiveViews.FeedGroup("Years", years));
            }
            return new ArchiveViews.FeedsPage("", views.site(0), "Calendar feeds · " + views.siteName(), groups);
        }));
    }

    /** A series', speaker's or host's pages: their upcoming talks, soonest first, then their past ones, newest first. */
    private void person(FeedSet.Named name, LocalDate today) {
        List<StoredTalk> upcoming = new ArrayList<>();
        List<StoredTalk> past = new ArrayList<>();
        for (StoredTalk talk : name.talks()) {
            (talk.talk().date().isBefore(today) ? past : upcoming).add(talk);
        }
        List<StoredTalk> sequence = new ArrayList<>(upcoming);
        sequence.addAll(reversed(past));
        List<List<StoredTalk>> chunks = chunks(sequence);
        String kind = switch (name.kind()) {
            case SERIES -> "Series";
            case SPEAKER -> "Speaker";
            default -> "Host";
        };
        String title = switch (name.kind()) {
            case SERIES -> name.label();
            case SPEAKER -> "Talks by " + name.label();
            default -> "Hosted by " + name.label();
        };
        for (int n = 1; n <= chunks.size(); n++) {
            int page = n;
            int first = (n - 1) * PAGE_SIZE;
            List<StoredTalk> talks = chunks.get(n - 1);
            int upcomingHere = Math.max(0, Math.min(talks.size(), upcoming.size() - first));
            String path = name.folder() + "/" + pagePath(name.slug(), n);
            String inputs = name.kind() + " " + name.label() + " " + name.feedPath() + " " + n + " " + chunks.size() + " "
                    + upcomingHere + " " + name.talks().size();
            pages.add(new Page(path, "person.html", inputs, talks, () -> {
                List<StoredTalk> soon = talks.subList(0, upcomingHere);
                List<StoredTalk> before = talks.subList(upcomingHere, talks.size());
                return new ArchiveViews.PersonPage("../", views.site(1), title + (page > 1 ? ", page " + page : "") + " · "
                        + views.siteName(), kind, title, name.talks().size(),
                        views.feed(title, name.feedPath(), 1),
                        section("Upcoming", "upcoming", soon, byMonth(soon, "../", UPCOMING_IDS)),
                        section("Past talks", "past", before, byMonth(before, "../", "")),
                        page, chunks.size(), page > 1 ? pagePath(name.slug(), page - 1) : null,
                        page < chunks.size() ? pagePath(name.slug(), page + 1) : null);
            }));
        }
    }

    private static String pagePath(String slug, int n) {
        return n == 1 ? slug + ".html" : slug + "." + n + ".html";
    }

    /** A folder's list of names, alphabetically, with how many talks each has. */
    private void names(String folder, List<FeedSet.Named> named) {
        Collator collator = Collator.getInstance(Locale.ENGLISH);
        collator.setStrength(Collator.SECONDARY);
        List<FeedSet.Named> sorted = new ArrayList<>(named);
        sorted.sort(Comparator.comparing(FeedSet.Named::label, collator).thenComparing(FeedSet.Named::slug));
        StringBuilder inputs = new StringBuilder();
        sorted.forEach(n -> inputs.append(n.label()).append('\t').append(n.slug()).append('\t').append(n.talks().size()).append('\n'));
        String heading = switch (folder) {
            case FeedSet.SPEAKERS -> "Speakers";
            case FeedSet.SERIES -> "Series";
            default -> "Hosts";
        };
        pages.add(new Page(folder + "/" + INDEX, "names.html", inputs.toString(), List.of(), () ->
                new ArchiveViews.NamesPage("../", views.site(1), heading + " · " + views.siteName(), heading, sorted.size(),
                        sorted.stream().map(n -> new ArchiveViews.Entry(n.label(), n.slug() + ".html", n.talks().size())).toList())));
    }

    private static List<List<StoredTalk>> chunks(List<StoredTalk> talks) {
        List<List<StoredTalk>> chunks = new ArrayList<>();
        for (int from = 0; from < talks.size(); from += PAGE_SIZE) {
            chunks.add(talks.subList(from, Math.min(talks.size(), from + PAGE_SIZE)));
        }
        return chunks;
    }

    private static List<StoredTalk> reversed(List<StoredTalk> talks) {
        List<StoredTalk> copy = new ArrayList<>(talks);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
