package org.talkfeed.receipt;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkfeed.smtp.SmtpSender;
import org.talkfeed.store.Receipt;
import org.talkfeed.store.TalkStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Sends the receipts claimed in the store, off the recording path: each is marked sent once the SMTP server took it; a
 * failed send is tried again later (after 1, 2, 4... minutes, at most 6 hours apart) and given up after
 * {@link #MAX_ATTEMPTS}. A crash between the server taking a receipt and the mark sends it again with the same
 * Message-ID, which mail clients recognise as the same message.
 */
public final class ReceiptMailer {
    private static final Logger LOG = LoggerFactory.getLogger("talkfeed");
    static final int MAX_ATTEMPTS = 12;
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);
    /** How many receipts one round sends at most; the next round takes the rest. */
    private static final int PER_ROUND = 50;

    private final TalkStore store;
    private final SmtpSender smtp;
    private final Clock clock;

    public ReceiptMailer(TalkStore store, SmtpSender smtp, Clock clock) {
        this.store = store;
        this.smtp = smtp;
        this.clock = clock;
    }

    /** Sends the receipts due now; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        for (Receipt receipt : store.dueReceipts(clock.instant(), PER_ROUND)) {
            try {
                smtp.send(message(receipt));
            } catch (MessagingException | RuntimeException e) {
                int attempts = receipt.attempts() + 1;
                Instant retry = attempts >= MAX_ATTEMPTS ? null : clock.instant().plus(backoff(attempts));
                store.markReceiptFailed(receipt.messageKey(), String.valueOf(e.getMessage()), retry);
                LOG.warn("receipt to {} not sent ({}): {}", receipt.recipient(),
                        retry == null ? "given up after " + attempts + " attempts" : "tried again at " + retry, e.getMessage());
                continue;
            }
            store.markReceiptSent(receipt.messageKey());
            sent++;
            LOG.info("receipt sent to {} for {}", receipt.recipient(), receipt.messageKey());
        }
        return sent;
    }

    private static Duration backoff(int attempts) {
        Duration wait = Duration.ofMinutes(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private MimeMessage message(Receipt r) throws MessagingException {
        MimeMessage message = new MimeMessage(smtp.session());
        message.setFrom(new InternetAddress(r.from(), true));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(r.recipient(), true));
        message.setSubject(r.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setText(r.body(), StandardCharsets.UTF_8.name(), "plain");
        // RFC 3834: an automatic reply says so, and asks other automatons not to answer it
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setHeader("X-Auto-Response-Suppress", "All");
        if (r.inReplyTo() != null) {
            message.setHeader("In-Reply-To", r.inReplyTo());
        }
        if (r.references() != null) {
            message.setHeader("References", r.references());
        }
        message.saveChanges();
        // set after saveChanges, which would give it a new one: a receipt sent again keeps its Message-ID
        message.setHeader("Message-ID", r.messageId());
        return message;
    }
}
