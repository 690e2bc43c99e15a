package org.talkfeed.mail;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** A made-up month of a Mailman 2 list archive, as text and as HTML pages, for tests. */
public final class PipermailSamples {
    private PipermailSamples() {
    }

    /** A text month as Mailman writes it: obfuscated addresses, and a body line starting with "From " left as it is. */
    public static final String TEXT_MONTH = """
            From jane.roe at northfield.example.edu  Mon Mar  2 09:15:00 2026
            From: jane.roe at northfield.example.edu (Jane Roe)
            Date: Mon, 2 Mar 2026 09:15:00 -0600
            Subject: [Talks] Seminar: Priya Raman, March 12
            Message-ID: <a1@northfield.example.edu>

            Speaker: Priya Raman (Northfield University)
            Title: Counting Lattice Paths Quickly
            Date: Thursday, March 12, 2026
            Time: 3:30 pm
            Place: Room 210, Halsey Hall

            From what I hear, the room is large.

            From kim at lab.northfield.example.edu  Wed Mar  4 11:00:00 2026
            From: kim at lab.northfield.example.edu (kim at lab.northfield.example.edu)
            Date: Wed, 4 Mar 2026 11:00:00 -0600
            Subject: [Talks] Coffee machine
            Message-ID: <n1@northfield.example.edu>

            The coffee machine on the second floor is fixed.

            From tomas at eastbrook.example.org  Tue Mar 10 16:45:00 2026
            From: tomas at eastbrook.example.org (=?utf-8?q?Tom=C3=A1s_Lindqvist?=)
            Date: Tue, 10 Mar 2026 16:45:00 -0500
            Subject: [Talks] Colloquium: sparse solvers
            Message-ID: <a2@northfield.example.edu>

            Speaker: Tomas Lindqvist (Eastbrook Institute)
            Title: Sparse Solvers Without Tears
            Date: Thursday, March 19, 2026
            Time: 4:00 pm

            """;

    public static Path gzip(Path file, String text) throws Exception {
        return gzip(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path gzip(Path file, byte[] bytes) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
        return file;
    }

    /** A month folder as Mailman publishes it: two message pages and the four index pages. */
    public static Path htmlMonth(Path parent) throws Exception {
        Path month = Files.createDirectories(parent.resolve("2026-March"));
        for (String index : List.of("date", "thread", "subject", "author")) {
            Files.writeString(month.resolve(index + ".html"), """
                    <html><body><h1>March 2026 Archives by %s</h1>
                    <b>Messages sorted by:</b> <a href="thread.html#start">[ thread ]</a>
                    <ul><li><a href="000001.html">[Talks] Seminar: Priya Raman</a> <a name="1"><i>Jane Roe</i></a></li>
                    <li><a href="000002.html">[Talks] Colloquium</a> <a name="2"><i>Lindqvist, Tomas</i></a></li></ul>
                    </body></html>
                    """.formatted(index));
        }
        Files.writeString(month.resolve("000001.html"), page("[Talks] Seminar: Priya Raman, March 12", "Jane Roe",
                "jane.roe at northfield.example.edu", "&In-Reply-To=%3Ca1%40northfield.example.edu%3E",
                "Mon Mar  2 09:15:00 CST 2026", """
                        Speaker: Priya Raman (Northfield University)
                        Title: Counting Lattice Paths &amp; Other Walks
                        Date: Thursday, March 12, 2026
                        Time: 3:30 pm
                        Place: Room 210, Halsey Hall

                        More at <A HREF="https://talks.northfield.example.edu/raman">https://talks.northfield.example.edu/raman</A>
                        <I>&gt; Will there be slides?
                        </I>"""));
        Files.writeString(month.resolve("000002.html"), page("[Talks] Colloquium: sparse solvers", "Lindqvist, Tomas",
                "tomas at eastbrook.example.org", "", "Tue Mar 10 16:45:00 CDT 2026", """
                        Speaker: Tomas Lindqvist (Eastbrook Institute)
                        Title: Sparse Solvers Without Tears
                        Date: Thursday, March 19, 2026
                        Time: 4:00 pm"""));
        return month;
    }

    private static String page(String subject, String author, String address, String inReplyTo, String date, String body) {
        return """
                <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
                <HTML>
                 <HEAD>
                   <TITLE> %1$s
                   </TITLE>
                   <LINK REL="Index" HREF="index.html" >
                   <META http-equiv="Content-Type" content="text/html; charset=utf-8">
                 </HEAD>
                 <BODY BGCOLOR="#ffffff">
                   <H1>%1$s</H1>
                    <B>%2$s</B>\s
                    <A HREF="mailto:talks%%40lists.northfield.example.edu?Subject=Re%%3A%%20Talk%4$s"
                       TITLE="%1$s">%3$s
                       </A><BR>
                    <I>%5$s</I>
                    <P><UL>
                        <LI>Next message: <A HREF="000002.html">[Talks] next</A></li>
                        <LI> <B>Messages sorted by:</B>\s
                              <a href="date.html#1">[ date ]</a>
                              <a href="thread.html#1">[ thread ]</a>
                         </LI>
                       </UL>
                    <HR> \s
                <!--beginarticle-->
                <PRE>%6$s
                </PRE>

                <!--endarticle-->
                    <HR>
                 </BODY>
                </HTML>
                """.formatted(subject, author, address, inReplyTo, date, body);
    }
}
