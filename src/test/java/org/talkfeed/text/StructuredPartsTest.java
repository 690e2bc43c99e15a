package org.talkfeed.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar and HTML parts a message carries reach extraction, bounded, and calendar data stays out of the body. */
class StructuredPartsTest {
    private final MessageReader reader = new MessageReader();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = StructuredPartsTest.class.getResourceAsStream("/structured/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anInvitationInlineAndAttachedIsOneCalendarAndItsHtmlIsKeptRaw() throws Exception {
        MessageText text = reader.read(resource("google-invite.eml"));

        assertThat(text.calendarParts()).hasSize(1);
        assertThat(text.calendarParts().get(0)).startsWith("BEGIN:VCALENDAR").contains("METHOD:REQUEST");
        assertThat(text.htmlParts()).hasSize(1);
        assertThat(text.htmlParts().get(0)).contains("itemtype=\"http://schema.org/EventReservation\"");
        assertThat(text.body()).contains("Priya Raman").doesNotContain("BEGIN:VCALENDAR", "DTSTART");
    }

    @Test
    void anIcsAttachmentIsACalendarWhateverItsType() throws Exception {
        String mail = """
                From: a@example.org
                Subject: talk
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                See the attachment.
                --b
                Content-Type: application/octet-stream; name="talk.ics"
                Content-Disposition: attachment; filename="talk.ics"

                BEGIN:VCALENDAR
                END:VCALENDAR
                --b
                Content-Type: application/pdf; name="poster.pdf"
                Content-Disposition: attachment; filename="poster.pdf"

                %PDF-1.4
                --b--
                """;
        MessageText text = reader.read(mail.getBytes(StandardCharsets.UTF_8));

        assertThat(text.calendarParts()).containsExactly("BEGIN:VCALENDAR\nEND:VCALENDAR");
        assertThat(text.htmlParts()).isEmpty();
    }

    @Test
    void partsAreBoundedInCountAndSize() throws Exception {
        StringBuilder mail = new StringBuilder("From: a@example.org\nSubject: many\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\n\n");
        for (int i = 0; i < 10; i++) {
            mail.append("--b\nContent-Type: text/calendar\n\nBEGIN:VCALENDAR\nUID:").append(i).append("\nEND:VCALENDAR\n");
            mail.append("--b\nContent-Type: text/html\n\n<p>part ").append(i).append("</p>\n");
        }
        mail.append("--b\nContent-Type: text/calendar\n\nBEGIN:VCALENDAR\n").append("X-PAD:".repeat(60_000)).append("\nEND:VCALENDAR\n");
        mail.append("--b--\n");
        MessageText text = reader.read(mail.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(text.calendarParts()).hasSize(StructuredParts.MAX_CALENDARS);
        assertThat(text.htmlParts()).hasSize(StructuredParts.MAX_HTMLS);

        MessageText huge = reader.read(("From: a@example.org\nSubject: huge\nMIME-Version: 1.0\nContent-Type: text/calendar\n\n"
                + "BEGIN:VCALENDAR\n" + "X-PAD:".repeat(60_000) + "\nEND:VCALENDAR\n").getBytes(StandardCharsets.UTF_8));
        assertThat(huge.calendarParts()).isEmpty(); // too large to be an invitation; a cut one could not be read
    }
}
