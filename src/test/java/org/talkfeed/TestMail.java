package org.talkfeed;

import java.nio.charset.StandardCharsets;

/** Builds small RFC 5322 messages for tests. */
public final class TestMail {
    private TestMail() {
    }

    /** A labeled announcement of a talk by Ada Quint, 4 to 5 pm in Hall 210 on {@code day} (as written in a Date: line). */
    public static byte[] announcement(String messageId, String title, String day) {
        return plain(messageId, "Mon, 2 Mar 2026 09:00:00 -0600", "Talk: " + title, "Title: " + title
                + "\nSpeaker: Ada Quint, Lakeshore University\nDate: " + day + "\nTime: 4:00-5:00 pm\nPlace: Hall 210\n");
    }

    public static byte[] plain(String messageId, String date, String subject, String body) {
        return plain("Talk Admin <admin@dept.example>", messageId, date, subject, body);
    }

    /** A message whose body is {@code body} under the MIME headers given (Content-Type and the like, one a line). */
    public static byte[] mime(String messageId, String mimeHeaders, String body) {
        return ("From: Talk Admin <admin@dept.example>\nDate: Mon, 2 Mar 2026 09:00:00 -0600\nMessage-ID: " + messageId
                + "\nSubject: Talk: Ada Quint\nMIME-Version: 1.0\n" + mimeHeaders + "\n\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A message as its receiving server delivers it: the envelope sender, written as Return-Path, is its From address. */
    public static byte[] plain(String from, String messageId, String date, String subject, String body) {
        return plain(from, messageId, date, subject, body, "Return-Path: <" + address(from) + ">\n");
    }

    /** A message with these extra header lines (each ending in a newline) before the others, and no Return-Path of its own. */
    public static byte[] plain(String from, String messageId, String date, String subject, String body, String headers) {
        StringBuilder m = new StringBuilder(headers);
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

    private static String address(String from) {
        int open = from.lastIndexOf('<');
        return open >= 0 ? from.substring(open + 1, from.indexOf('>', open)) : from.strip();
    }
}
