package org.talkfeed.check;

import org.talkfeed.extract.DateReadings;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageText;
import org.talkfeed.text.UnreadableMessageException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an announcement before it is sent: reads it as talkfeed will (the real extractor, with the list's defaults)
 * and puts each talk through {@link CheckRules}.
 */
public final class AnnouncementCheck {
    private final Extractor extractor;
    private final ExtractionDefaults defaults;

    public AnnouncementCheck(Extractor extractor, ExtractionDefaults defaults) {
        this.extractor = extractor;
        this.defaults = defaults;
    }

    /**
     * @param input an email or a draft without headers (then sent at {@code now})
     * @param today the day against which a date is past; null for today at {@code now} in each talk's zone
     */
    public CheckReport check(byte[] input, Instant now, LocalDate today) {
        MessageText message;
        try {
            message = MessageInput.read(input, now);
        } catch (UnreadableMessageException e) {
            return new CheckReport(false, "failed", e.getMessage(), List.of());
        }
        return check(message, extractor.extract(message, defaults), now, today);
    }

    /** Checks the talks of a message that has been read and extracted already. */
    public CheckReport check(MessageText message, Announcement announcement, Instant now, LocalDate today) {
        if (!announcement.isTalk()) {
            return new CheckReport(false, announcement.kind().label(), announcement.reason(), List.of());
        }
        List<DateReadings.DateReading> dates = DateReadings.in(message, defaults);
        List<CheckReport.CheckedTalk> talks = new ArrayList<>();
        for (Talk talk : announcement.talks()) {
            LocalDate day = today != null ? today
                    : now.atZone(talk.timezone() == null ? ZoneId.systemDefault() : ZoneId.of(talk.timezone())).toLocalDate();
            Evidence evidence = new Evidence(talk, message, dates, extractor.fieldConfidences(message, defaults, talk), day,
                    defaults.dayFirst());
            talks.add(new CheckReport.CheckedTalk(TalkView.of(talk), CheckRules.check(evidence)));
        }
        return new CheckReport(true, announcement.kind().label(), null, talks);
    }
}
