package org.talkfeed.digest;

import org.talkfeed.smtp.CalendarEmail;
import org.talkfeed.smtp.SmtpSender;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkfeed.publish.PageSite;
import org.talkfeed.store.DigestRecord;
import org.talkfeed.store.TalkStore;
import org.talkfeed.templates.Templates;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Builds a week's digest (its page in the archive and its email) and sends it to the list at most as often as the
 * store allows: each week's send is claimed in the store, with its Message-ID, before the message goes out, and marked
 * sent after. A crash between the two sends it again when next due, with the same Message-ID (at least once: the copy is
 * the same message to list servers and mail clients, which drop it); a week already marked is never sent again.
 */
public final class WeeklyDigest {
    private static final Logger LOG = LoggerFactory.getLogger("talkfeed");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the site is and what it is called: the digest links to its talk pages and names it. */
    public record Site(Path folder, String name, String baseUrl, Duration defaultDuration) {
        /** What the layout of a digest page (one folder below the site's root) shows of the site. */
        PageSite pageSite() {
            return PageSite.of(name, baseUrl, defaultDuration, 1);
        }
    }

    /** What a send to the list did. */
    public enum Outcome { SENT, ALREADY_SENT, EMPTY }

    /** A digest built: its content, and the page it was kept as. */
    public record Built(Digest digest, CalendarEmail.Content content, Path page) {
    }

    private final TalkStore store;
    private final DigestConfig config;
    private final ZoneId zone;
    private final Site site;
    private static final String EMAIL_TEMPLATE = "digest.html.mustache";
    private static final String PAGE_TEMPLATE = "digest-page.html.mustache";
    private static final String TEXT_TEMPLATE = "digest.txt.mustache";
    private final Templates templates;
    private final DigestArchive archive;
    private final SmtpSender sender;
    private final Clock clock;

    /** @param sender null when no SMTP server is configured: then digests are only built */
    public WeeklyDigest(TalkStore store, DigestConfig config, ZoneId listZone, Site site, Templates templates,
                        SmtpSender sender, Clock clock) {
        this.store = store;
        this.config = config;
        this.zone = listZone;
        this.site = site;
        this.templates = templates;
        this.archive = new DigestArchive(site.folder(), templates);
        this.sender = sender;
        this.clock = clock;
    }

    /** The week a digest made now is about ({@link IsoWeek#coming} in the list's zone). */
    public IsoWeek comingWeek() {
        return IsoWeek.coming(clock.instant().atZone(zone).toLocalDate());
    }

    /** Collects {@code week}'s digest, keeps its page in the archive (and the index up to date), and renders its email. */
    public Built build(IsoWeek week) throws IOException {
        Digest digest = new DigestCollector(store, zone).collect(week);
        DigestView view = DigestView.of(digest, site.name(), true, "../talks/", "../index.html");
        archive.writePage(week, templates.render(PAGE_TEMPLATE, new DigestPage(DigestPage.ROOT, site.pageSite(),
                digest.subject() + " · " + site.name(), view)));
        archive.writeIndex(site.pageSite(), store.digests(), zone);
        String talkBase = site.baseUrl() == null ? null : site.baseUrl() + "/talks/";
        DigestView mail = DigestView.of(digest, site.name(), false, talkBase,
                site.baseUrl() == null ? null : site.baseUrl() + "/index.html");
        CalendarEmail.Content content = new CalendarEmail.Content(digest.subject(), templates.render(TEXT_TEMPLATE, mail),
                templates.render(EMAIL_TEMPLATE, mail), DigestCalendar.render(digest, site.defaultDuration()),
                "talks-" + week + ".ics");
        return new Built(digest, content, archive.page(week));
    }

    /** The email of a built digest, addressed to {@code to}. */
    public MimeMessage message(Built built, String to, String messageId) throws MessagingException {
        Session session = sender != null ? sender.session() : Session.getInstance(new java.util.Properties());
        return CalendarEmail.build(session, built.content(), config.from(), to, messageId, clock.instant());
    }

    /**
     * Sends {@code week}'s digest to the list unless the store has it as sent (or settled as empty): claimed first, marked
     * sent after. A week with no talks sends nothing and is settled so, unless {@code digest.send-empty}.
     */
    public Outcome sendToList(IsoWeek week) throws IOException, MessagingException {
        requireSending(config.to());
        Optional<DigestRecord> known = store.digest(week.toString());
        if (known.isPresent() && known.get().settled()) {
            return known.get().skipped() ? Outcome.EMPTY : Outcome.ALREADY_SENT;
        }
        Built built = build(week);
        if (known.isEmpty() && built.digest().empty() && !config.sendEmpty()) {
            store.skipDigest(week.toString());
            return Outcome.EMPTY;
        }
        DigestRecord claim = store.claimDigest(week.toString(), newMessageId(week), built.digest().count());
        sender.send(message(built, config.to(), claim.messageId()));
        store.markDigestSent(week.toString());
        archive.writeIndex(site.pageSite(), store.digests(), zone);
        return Outcome.SENT;
    }

    /** Sends {@code week}'s digest to another address, as a trial: not recorded, a new Message-ID each time. */
    public Built sendTo(IsoWeek week, String address) throws IOException, MessagingException {
        requireSending(address);
        Built built = build(week);
        sender.send(message(built, address, newMessageId(week)));
        return built;
    }

    /**
     * What {@code run} does every hour: sends the digest that is due, if it was not sent. A send that fails is logged and
     * tried again at the next tick (with the claimed Message-ID); a store that fails stops the daemon as elsewhere.
     */
    public void tick(DigestSchedule schedule) {
        Optional<IsoWeek> due = schedule.due(clock.instant());
        if (due.isEmpty()) {
            return;
        }
        IsoWeek week = due.get();
        try {
            Optional<DigestRecord> known = store.digest(week.toString());
            if (known.isPresent() && known.get().settled()) {
                return;
            }
            Outcome outcome = sendToList(week);
            switch (outcome) {
                case SENT -> LOG.info("digest {}: sent to {}", week, config.to());
                case EMPTY -> LOG.info("digest {}: no talks, nothing sent", week);
                case ALREADY_SENT -> { }
            }
        } catch (IOException | MessagingException | IllegalStateException e) {
            LOG.error("digest {}: not sent ({}); trying again in an hour", week, e.getMessage());
        }
    }

    private void requireSending(String to) throws MessagingException {
        if (sender == null || config.from() == null || to == null) {
            throw new MessagingException("sending needs digest.from, smtp.host" + (to == null ? " and digest.to (or --to)" : ""));
        }
    }

    private String newMessageId(IsoWeek week) {
        String domain = "talkfeed.invalid";
        try {
            String address = new InternetAddress(config.from()).getAddress();
            domain = address.substring(address.indexOf('@') + 1);
        } catch (MessagingException | RuntimeException e) {
            // the configured From was checked at start; keep the placeholder domain
        }
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        return "<digest." + week + "." + HexFormat.of().formatHex(nonce) + "@" + domain + ">";
    }
}
