package org.talkfeed;

import java.nio.charset.StandardCharsets;

/** Builds small RFC 5322 messages for tests. */
public final class TestMail {
    private TestMail() {
    }

    public static byte[] plain(String messageId, String date, String subject, String body) {
        return plain("Talk Admin <admin@dept.example>", messageId, date, subject, body);
    }

    public static byte[] plain(String from, String messageId, String date, String subject, String body) {
        StringBuilder m = new StringBuilder();
        m.append("From: ").append(from).append('\n');
        if (date != null) {
            m.append("Date: ").append(date).append('\n');
        }
        if (messageId != null) {
            m.append("Message-ID: ").append(messageId).append('\n');
        }
        m.append("Subject: ").append(subject).append('\n');
        m.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
        m.append(body).append('\n');
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }
}
