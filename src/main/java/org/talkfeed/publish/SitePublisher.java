package org.talkfeed.publish;

import com.fasterxml.jackson.core.JsonGenerator;
import org.talkfeed.store.Decision;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkMessage;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;
import org.talkfeed.templates.Templates;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Store to files: site/calendar.ics and the other feeds of {@link FeedSet} (each with its reminder variant), the
 * archive's pages ({@link ArchivePlan}: index, past and upcoming pages, one per series, speaker and host, their lists,
 * feeds.html) with style.css, the search's search.json.gz and search.js ({@link SearchIndex}), site/talks.json, site/atom.xml and site/talks/SLUG.{html,ics}. A publish renders only the files whose inputs
 * changed ({@link FileInputs}) since the last one ({@link PublishManifest}), from outlines of the talks, and reads
 * whole only the talks those files show. One publisher serves one site with one set of settings, and keeps from
 * publish to publish what it made: the talks' outlines ({@link KeptOutlines}), their events ({@link RenderedEvents}),
 * the index's rows and the manifest it wrote; each kept by the talk's version (or the file's), so never stale.
 */
public final class SitePublisher {
    private static final Pattern YEAR_FEED = Pattern.compile("calendar-\\d{4}(\\.alarm)?\\.ics");
    private static final String JSON = "talks.json";
    private static final String STYLE = "style.css";
    /** The site's root ("") and the folders it publishes into. */
    private static final List<String> FOLDERS = List.of("", "talks", "past", "upcoming", FeedSet.SERIES, FeedSet.SPEAKERS,
            FeedSet.HOSTS);
    /** How many whole talks are read and rendered at once into pages. */
    private static final int TALKS_AT_ONCE = 500;
    /**
     * Characters of rendered events kept from publish to publish (some 1.5 KB a talk): enough for the feeds that one
     * new talk touches (the windowed ones, its year's) to be made again from kept events and the new one.
     */
    private static final long KEPT_EVENT_CHARS = 16_000_000;

    private final Path site;
    private final FeedSettings settings;
    private final ArchiveViews views;
    private final Path templateFolder;
    /** The templates as of the override folder's state last seen ({@link #templatesPrint}): made again when it changes. */
    private Templates templates;
    private String templatesPrint;
    private final AtomFeed atom;
    private final Clock clock;
    private final String timezone;
    private final RenderedEvents events = new RenderedEvents(KEPT_EVENT_CHARS);
    private final CompactZones zones = new CompactZones();
    private final KeptOutlines keptOutlines = new KeptOutlines();
    private Map<RenderedEvents.Version, FileInputs.TalkPrints> keptPrints = Map.of();
    /** The search index's entries as the last publish made them, by the talk's version. */
    private Map<RenderedEvents.Version, SearchIndex.Row> keptSearchRows = Map.of();
    /** The manifest as this publisher last wrote it, and the file's identity, size and time then. */
    private PublishManifest keptManifest;
    private List<Object> keptManifestStamp;

    public SitePublisher(Path site, String calendarName, Duration defaultDuration, String baseUrl, String timezone, Clock clock) {
        this(site, FeedSettings.withDefaults(calendarName, defaultDuration, baseUrl), timezone, clock);
    }

    /**
     * @param timezone the zone whose "today" splits upcoming from past talks and ends the feeds' windows
     */
    public SitePublisher(Path site, FeedSettings settings, String timezone, Clock clock) {
        this(site, settings, timezone, null, clock);
    }

    /**
     * @param templates the folder whose templates (and style.css) replace the built-in ones of the same name; null for none
     */
    public SitePublisher(Path site, FeedSettings settings, String timezone, Path templates, Clock clock) {
        this.site = site;
        this.settings = settings;
        this.views = new ArchiveViews(settings.name(), new SubscribeLinks(settings.baseUrl(), settings.defaultDuration()));
        this.templateFolder = templates;
        this.atom = new AtomFeed(settings);
        this.timezone = timezone;
        this.clock = clock;
    }

    public PublishReport publish(List<StoredTalk> talks) throws IOException {
        return publish(TalkSource.of(talks));
    }

    /** Publishes the store's talks, reading whole only those whose files are rendered. */
    public PublishReport publish(TalkStore store) throws IOException {
        return publish(TalkSource.of(store, keptOutlines));
    }

    /**
     * Renders only the files whose inputs changed since the last publish ({@link FileInputs}, {@link PublishManifest}),
     * or that are missing; removes the files no longer made; records the fingerprints last.
     */
    private PublishReport publish(TalkSource source) throws IOException {
        SiteFiles files = new SiteFiles();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of(timezone));
        List<StoredTalk> outlines = source.outlines();
        Path slugFile = site.resolve(FeedSlugs.FILE_NAME);
        FeedSlugs slugs = FeedSlugs.read(slugFile);
        FeedSet feeds = FeedSet.of(outlines, slugs, settings.name(), settings.windowDays(), today, now);
        // kept before any feed that uses a new slug is written, so a published address is always on record (bookkeeping,
        // not counted among the published files)
        new SiteFiles().write(slugFile, slugs.json());

        String print = Templates.overridesPrint(templateFolder);
        if (templates == null || !print.equals(templatesPrint)) {
            templates = new Templates(templateFolder);
            templatesPrint = print;
        }
        byte[] style = templates.file(STYLE);
        ArchivePlan plan = ArchivePlan.of(outlines, feeds, today, views);

        PublishManifest last = lastManifest();
        Set<String> existing = existingFiles();
        FileInputs inputs = new FileInputs(settings, timezone, print, outlines, keptPrints);
        keptPrints = inputs.prints();
        Map<String, String> made = new HashMap<>();
        List<String> toWrite = new ArrayList<>();
        Predicate<String> stale = path -> {
            boolean render = !existing.contains(path) || !last.matches(path, made.get(path));
            if (render) {
                toWrite.add(path);
            } else {
                files.skip();
            }
            return render;
        };
        List<Feed> feedsToRender = new ArrayList<>();
        for (Feed plain : feeds.subscribable()) {
            for (Feed feed : List.of(plain, plain.withAlarms())) {
                made.put(feed.path(), inputs.feed(feed));
                if (stale.test(feed.path())) {
                    feedsToRender.add(feed);
                }
            }
        }
        List<Long> talksToRender = new ArrayList<>();
        Map<Long, Integer> messageCounts = source.messageCounts();
        for (StoredTalk talk : outlines) {
            String page = talkPage(talk);
            made.put(page, inputs.talkPage(talk, plan.linksOf(talk.talk()), messageCounts.getOrDefault(talk.id(), 0)));
            boolean render = stale.test(page);
            String calendar = inputs.talk(talk);
            for (String path : talkCalendars(talk)) {
                made.put(path, calendar);
                render |= stale.test(path);
            }
            if (render) {
                talksToRender.add(talk.id());
            }
        }
        List<ArchivePlan.Page> pagesToRender = new ArrayList<>();
        for (ArchivePlan.Page page : plan.pages()) {
            made.put(page.path(), inputs.page(page));
            if (stale.test(page.path())) {
                pagesToRender.add(page);
            }
        }
        made.put(STYLE, inputs.content(STYLE, style));
        boolean styleSheet = stale.test(STYLE);
        made.put(JSON, inputs.json(outlines));
        boolean json = stale.test(JSON);
        byte[] script = SearchIndex.script();
        made.put(SearchIndex.SCRIPT_PATH, inputs.content(SearchIndex.SCRIPT_PATH, script));
        boolean searchScript = stale.test(SearchIndex.SCRIPT_PATH);
        made.put(SearchIndex.PATH, inputs.search(outlines));
        boolean searchIndex = stale.test(SearchIndex.PATH);
        List<StoredTalk> atomEntries = AtomFeed.entries(outlines);
        made.put(AtomFeed.PATH, inputs.atom(atomEntries));
        boolean atomFeed = stale.test(AtomFeed.PATH);
        if (!toWrite.isEmpty() && last.size() > 0) {
            last.without(toWrite).write(site, files);
        }

        Spent spent = new Spent();
        long start = System.nanoTime();
        renderFeeds(feedsToRender, source, files);
        spent.calendars += System.nanoTime() - start;
        renderTalks(talksToRender, source, plan, files, spent);
        start = System.nanoTime();
        for (ArchivePlan.Page page : pagesToRender) {
            files.write(site.resolve(page.path()), templates.render(page.template() + Templates.EXTENSION, page.view().get()));
        }
        if (styleSheet) {
            files.stream(site.resolve(STYLE), out -> out.write(style));
        }
        if (searchScript) {
            files.stream(site.resolve(SearchIndex.SCRIPT_PATH), out -> out.write(script));
        }
        if (searchIndex) {
            files.stream(site.resolve(SearchIndex.PATH), out -> SearchIndex.write(searchRows(outlines, source), out));
        }
        spent.archive += System.nanoTime() - start;
        if (json) {
            files.stream(site.resolve(JSON), out -> writeJson(source, out));
        }
        if (atomFeed) {
            files.write(site.resolve(AtomFeed.PATH), atom.render(atomEntries));
        }
        int removed = removeStale(existing, made.keySet());
        if (!toWrite.isEmpty() || made.size() != last.size()) {
            PublishManifest written = PublishManifest.of(made);
            written.write(site, files);
            keptManifest = written;
            keptManifestStamp = manifestStamp();
        }
        return new PublishReport(outlines.size(), files.written(), files.unchanged(), removed, Duration.ofNanos(spent.calendars),
                Duration.ofNanos(spent.archive));
    }

    /** Each feed from the events kept, and from the whole talks of the members whose events are not. */
    private void renderFeeds(List<Feed> feeds, TalkSource source, SiteFiles files) throws IOException {
        CalendarFeed calendar = new CalendarFeed(settings, zones, events);
        for (Feed feed : feeds) {
            List<StoredTalk> members = CalendarFeed.newestThatMayFit(feed.members());
            Map<Long, CalendarFeed.Event> made = new HashMap<>();
            List<Long> notKept = new ArrayList<>();
            for (StoredTalk member : members) {
                CalendarFeed.Event kept = events.get(member);
                if (kept == null) {
                    notKept.add(member.id());
                } else {
                    made.put(member.id(), kept);
                }
            }
            for (StoredTalk whole : source.whole(notKept)) {
                made.put(whole.id(), calendar.event(whole));
            }
            // a talk gone from the store since its outline was read is shown as outlined
            files.write(site.resolve(feed.path()), calendar.render(feed, members.stream()
                    .map(t -> made.computeIfAbsent(t.id(), id -> calendar.event(t))).toList()));
        }
    }

    /** Each talk's page and .ics files, a few hundred talks at a time. */
    private void renderTalks(List<Long> ids, TalkSource source, ArchivePlan plan, SiteFiles files, Spent spent) throws IOException {
        CalendarFeed calendar = new CalendarFeed(settings, zones, events);
        for (int from = 0; from < ids.size(); from += TALKS_AT_ONCE) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + TALKS_AT_ONCE));
            Map<Long, List<TalkMessage>> messages = source.messages(batch);
            Map<Long, List<Decision>> decisions = source.decisions(batch);
            for (StoredTalk talk : source.whole(batch)) {
                long start = System.nanoTime();
                Talk before = talk.cancelled() || talk.sequence() > 0 ? source.asFirstAnnounced(talk) : null;
                files.write(site.resolve(talkPage(talk)), templates.render("talk.html" + Templates.EXTENSION,
                        views.talk(talk, plan, before, messages.getOrDefault(talk.id(), List.of()),
                                decisions.getOrDefault(talk.id(), List.of()))));
                long paged = System.nanoTime();
                spent.archive += paged - start;
                if (talk.talk().date() != null) {
                    Feed feed = FeedSet.talkFeed(talk, settings.name());
                    files.write(site.resolve(feed.path()), calendar.render(feed));
                    files.write(site.resolve(Feed.alarmPath(feed.path())), calendar.render(feed.withAlarms()));
                    spent.calendars += System.nanoTime() - paged;
                }
            }
        }
    }

    /** Nanoseconds spent on the calendar files and on the archive (the bench reports them apart). */
    private static final class Spent {
        long calendars;
        long archive;
    }

    /**
     * The search index's entries, newest day first and talks without a date last: those of talks unchanged since the last
     * publish as kept, the others from the whole talks (read a few hundred at a time).
     */
    private List<SearchIndex.Row> searchRows(List<StoredTalk> outlines, TalkSource source) {
        Map<RenderedEvents.Version, SearchIndex.Row> rows = new HashMap<>(outlines.size() * 2);
        List<Long> notKept = new ArrayList<>();
        for (StoredTalk talk : outlines) {
            RenderedEvents.Version version = RenderedEvents.Version.of(talk);
            SearchIndex.Row kept = keptSearchRows.get(version);
            if (kept == null) {
                notKept.add(talk.id());
            } else {
                rows.put(version, kept);
            }
        }
        for (int from = 0; from < notKept.size(); from += TALKS_AT_ONCE) {
            for (StoredTalk whole : source.whole(notKept.subList(from, Math.min(notKept.size(), from + TALKS_AT_ONCE)))) {
                rows.put(RenderedEvents.Version.of(whole), SearchIndex.Row.of(whole));
            }
        }
        keptSearchRows = rows;
        // a talk changed since its outline was read is shown as outlined (without its abstract) until the next publish
        return outlines.stream()
                .sorted(Comparator.comparing((StoredTalk t) -> t.talk().date(), Comparator.nullsLast(Comparator.reverseOrder())))
                .map(t -> rows.computeIfAbsent(RenderedEvents.Version.of(t), v -> SearchIndex.Row.of(t))).toList();
    }

    private static String talkPage(StoredTalk talk) {
        return "talks/" + talk.slug() + ".html";
    }

    private static List<String> talkCalendars(StoredTalk talk) {
        if (talk.talk().date() == null) {
            return List.of();
        }
        String ics = "talks/" + talk.slug() + ".ics";
        return List.of(ics, Feed.alarmPath(ics));
    }

    /** talks.json, one talk at a time: each entry's talk is the stored JSON as it is (written by {@link TalkJson}). */
    private static void writeJson(TalkSource source, OutputStream out) throws IOException {
        try (JsonGenerator json = TalkJson.MAPPER.getFactory().createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            try {
                source.forEachJson((uid, slug, cancelled, sequence, created, updated, talk) -> {
                    try {
                        json.writeStartObject();
                        json.writeStringField("uid", uid);
                        json.writeStringField("slug", slug);
                        json.writeBooleanField("cancelled", cancelled);
                        json.writeNumberField("sequence", sequence);
                        json.writeStringField("created", created.toString());
                        json.writeStringField("updated", updated.toString());
                        json.writeFieldName("talk");
                        json.writeRawValue(talk);
                        json.writeEndObject();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            json.writeEndArray();
        }
    }

    /** The manifest on disk: as this publisher last wrote it, unless the file has been replaced or changed since. */
    private PublishManifest lastManifest() throws IOException {
        if (keptManifest != null && keptManifestStamp.equals(manifestStamp())) {
            return keptManifest;
        }
        keptManifest = null;
        return PublishManifest.read(site);
    }

    private List<Object> manifestStamp() throws IOException {
        try {
            BasicFileAttributes file = Files.readAttributes(site.resolve(PublishManifest.FILE_NAME), BasicFileAttributes.class);
            return java.util.Arrays.asList(file.fileKey(), file.size(), file.lastModifiedTime());
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** The files of the site's root and its folders, as paths relative to the site. */
    private Set<String> existingFiles() throws IOException {
        Set<String> existing = new HashSet<>();
        for (String folder : FOLDERS) {
            Path dir = folder.isEmpty() ? site : site.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
                    for (Path file : listing) {
                        existing.add(folder.isEmpty() ? file.getFileName().toString() : folder + "/" + file.getFileName());
                    }
                }
            }
        }
        return existing;
    }

    /** Removes what an earlier publish made and this one did not: any file in the folders, year feeds at the root. */
    private int removeStale(Set<String> existing, Set<String> made) throws IOException {
        int removed = 0;
        for (String path : existing) {
            if (!made.contains(path) && (path.contains("/") || YEAR_FEED.matcher(path).matches())
                    && Files.isRegularFile(site.resolve(path))) {
                Files.delete(site.resolve(path));
                removed++;
            }
        }
        return removed;
    }

    /** One entry of talks.json as readers take it back (the filtered feeds the server makes from it match the static ones). */
    record PublishedTalk(String uid, String slug, boolean cancelled, int sequence, Instant created, Instant updated,
                         org.talkfeed.talk.Talk talk) {
        StoredTalk stored(long id) {
            return new StoredTalk(id, uid, slug, cancelled, sequence, talk, created, updated);
        }
    }
}
