package org.talkfeed.extract;

import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageText;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The talks of a schedule: each item read as a small message of its own, with what the preamble and headings give. */
final class ScheduleReader {
    private static final Pattern TO_BE_ANNOUNCED = Pattern.compile(
            "(?i).*\\b(to be (announced|confirmed|determined)|tba|tbc|tbd)\\b.*");

    private static final Pattern OTHER_EVENT = Pattern.compile(
            "(?i)\\b(?:film|screening|movie|performance|concert|recital|exhibition|exhibit|reception|meeting|book (?:reading|signing)|"
                    + "reading and signing|party|tour|worship|service)\\b");
    private static final Pattern QUOTE = Pattern.compile("[“\"«„]");
    private static final Pattern TALK_EVENT = Pattern.compile(
            "(?i)\\b(?:lecture|seminar|talk|colloquium|symposium|discussion|address|presentation|panel|workshop|vortrag|conférence)");

    private final MessageText message;
    private final ExtractionDefaults defaults;
    private final DateFinder dates;

    ScheduleReader(MessageText message, ExtractionDefaults defaults, DateFinder dates) {
        this.message = message;
        this.defaults = defaults;
        this.dates = dates;
    }

    List<Talk> read(List<String> lines) {
        ScheduleItems.Schedule schedule = new ScheduleItems(dates).split(lines);
        if (schedule.items().size() < 2) {
            return List.of();
        }
        String preamble = String.join("\n", schedule.preamble());
        LocalDate preambleDate = first(dates.find(preamble));
        List<TimeRange> preambleTimes = new TimeFinder(true).find(preamble);
        LocalTime preambleTime = preambleTimes.isEmpty() ? null : preambleTimes.get(0).start();
        LocalTime preambleEnd = preambleTimes.isEmpty() ? null : preambleTimes.get(0).end();
        String preambleLocation = PlaceClues.locationFromProse(preamble);
        List<org.talkfeed.talk.Speaker> preambleSpeakers = preamble.isBlank() ? List.of() : SpeakerClues.speakersFromProse(preamble);
        boolean preambleOnline = Places.proseOffersOnline(preamble);
        List<Talk> talks = new ArrayList<>();
        for (ScheduleItems.Item item : schedule.items()) {
            List<String> itemLines = new ArrayList<>(item.lines());
            if (item.lead() != null) {
                itemLines.add(0, SpeakerClues.headline(item.lead()) != null ? item.lead() : "Speaker: " + item.lead());
            }
            MessageText itemMessage = new MessageText(message.messageId(), "", message.fromName(), message.fromAddress(),
                    message.date(), message.listId(), itemLines);
            LocalDate date = item.headingDate() != null ? item.headingDate() : preambleDate;
            Talk talk = new TalkAssembler(itemMessage, defaults, itemLines, dates, new Inherited(date, preambleTime, preambleEnd, preambleLocation, preambleOnline))
                    .assemble(LabeledFields.find(itemLines), false);
            if (talk != null && talk.speakers().isEmpty() && !preambleSpeakers.isEmpty()) {
                talk = talk.withSpeakers(preambleSpeakers); // a series by one speaker, named once above the list
            }
            if (talk != null && (talk.title() != null || !talk.speakers().isEmpty() || announcesALaterSpeaker(item))
                    && !announcesAnotherKindOfEvent(item)) {
                talks.add(talk);
            }
        }
        return talks;
    }

    /** "7:30 p.m. Film society film. “Title.”": a listed film, concert or meeting is no talk, whoever is named with it. */
    private static boolean announcesAnotherKindOfEvent(ScheduleItems.Item item) {
        String opening = item.lines().get(0);
        String head = QUOTE.split(opening, 2)[0]; // what kind of event it is comes before its quoted title
        return OTHER_EVENT.matcher(head).find() && !TALK_EVENT.matcher(head).find();
    }

    /** A dated slot whose talk is still "to be announced" is a talk in the listing all the same. */
    private static boolean announcesALaterSpeaker(ScheduleItems.Item item) {
        return TO_BE_ANNOUNCED.matcher(item.lines().get(0)).matches();
    }

    private static LocalDate first(List<DateMention> found) {
        return found.isEmpty() ? null : found.get(0).date();
    }
}
