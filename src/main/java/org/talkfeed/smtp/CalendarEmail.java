package org.talkfeed.smtp;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * An email that carries talks: multipart/mixed of a multipart/alternative (text/plain, then text/html) and the talks
 * as one text/calendar attachment (the weekly digest, a composed announcement). It keeps the Message-ID it is given,
 * so a message sent again after a crash is the same message to list servers and mail clients, which drop the copy.
 */
public final class CalendarEmail {
    private CalendarEmail() {
    }

    /** The parts the email is made of, rendered. */
    public record Content(String subject, String text, String html, String calendar, String calendarFileName) {
    }

    public static MimeMessage build(Session session, Content content, String from, String to, String messageId, Instant date)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(date));

        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);

        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(content.calendar().getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=UTF-8")));
        calendar.setFileName(content.calendarFileName());
        calendar.setDisposition(MimeBodyPart.ATTACHMENT);

        message.setContent(new MimeMultipart("mixed", body, calendar));
        message.saveChanges();
        return message;
    }

    /** A message whose Message-ID stays the one given when it is saved and sent. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
