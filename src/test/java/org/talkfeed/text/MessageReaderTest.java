package org.talkfeed.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageReaderTest {
    private final MessageReader reader = new MessageReader();

    private static byte[] mail(String headers, String body) {
        return ("From: A <a@x.example>\nSubject: s\nDate: Wed, 16 Feb 2022 15:10:56 -0600\nMIME-Version: 1.0\n" + headers
                + "\n\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void htmlOnlyBecomesLinesWithLabelsKept() throws Exception {
        MessageText text = reader.read(mail("Content-Type: text/html; charset=UTF-8",
                "<html><body><p><b>Speaker:</b> Jane Doe<br><b>When:</b> Friday</p><table><tr><td>Room</td><td>101</td></tr>"
                        + "</table><p>Join <a href=\"https://zoom.us/j/1\">here</a></p></body></html>"));
        assertThat(text.lines()).contains("Speaker: Jane Doe", "When: Friday", "Room  101", "Join here <https://zoom.us/j/1>");
    }

    @Test
    void latin1QuotedPrintableAndEncodedSubjectAreDecoded() throws Exception {
        byte[] bytes = ("From: =?ISO-8859-1?Q?Jos=E9?= <j@x.example>\nSubject: =?ISO-8859-1?Q?Caf=E9_talk?=\n"
                + "Date: Wed, 16 Feb 2022 15:10:56 -0600\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "Speaker: Jos=E9 N=FA=F1ez, Universit=E4t Wien\n").getBytes(StandardCharsets.US_ASCII);
        MessageText text = reader.read(bytes);
        assertThat(text.subject()).isEqualTo("Café talk");
        assertThat(text.fromName()).isEqualTo("José");
        assertThat(text.lines()).containsExactly("Speaker: José Núñez, Universität Wien");
    }

    @Test
    void alternativePrefersPlainTextUnlessHtmlCarriesMore() throws Exception {
        String body = "--b\nContent-Type: text/plain; charset=UTF-8\n\nTitle: Plain\n--b\nContent-Type: text/html; charset=UTF-8\n\n"
                + "<p>Title: Html</p>\n--b--\n";
        MessageText text = reader.read(mail("Content-Type: multipart/alternative; boundary=b", body));
        assertThat(text.lines()).containsExactly("Title: Plain");
    }

    @Test
    void alternativeTakesTheHtmlThatCarriesMuchMore() throws Exception {
        String body = "--b\nContent-Type: text/plain; charset=UTF-8\n\nSee the HTML\n--b\nContent-Type: text/html; charset=UTF-8\n\n"
                + "<p><b>Title:</b> A talk with a long title</p><p>Speaker: Jane Doe, University of Somewhere</p>\n--b--\n";
        MessageText text = reader.read(mail("Content-Type: multipart/alternative; boundary=b", body));
        assertThat(text.lines()).containsExactly("Title: A talk with a long title", "", "Speaker: Jane Doe, University of Somewhere");
    }

    @Test
    void alternativeWeighsQuotedPrintableAndBase64HtmlByItsText() throws Exception {
        String html = "<p>Title: A talk with a long title</p><p>Speaker: Jane Doe, Universit\u00e9 de Somewhere</p>";
        String quoted = html.replace("\u00e9", "=C3=A9");
        String base64 = java.util.Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8));
        for (String[] part : new String[][] {{"quoted-printable", quoted}, {"base64", base64}}) {
            String body = "--b\nContent-Type: text/plain; charset=UTF-8\n\nSee the HTML\n--b\nContent-Type: text/html; charset=UTF-8\n"
                    + "Content-Transfer-Encoding: " + part[0] + "\n\n" + part[1] + "\n--b--\n";
            MessageText text = reader.read(mail("Content-Type: multipart/alternative; boundary=b", body));
            assertThat(text.lines()).as(part[0]).containsExactly("Title: A talk with a long title", "",
                    "Speaker: Jane Doe, Universit\u00e9 de Somewhere");
        }
    }

    @Test
    void quotedPrintableHtmlWhoseStyleEndIsWrappedIsStillWeighedWhole() throws Exception {
        String style = "<style>p { margin: 0 0 8px; font-family: Arial, sans-serif; } </sty=\nle>";
        String text = "<p>Title: A talk with a long title</p><p>Speaker: Jane Doe, University of Somewhere</p>";
        String body = "--b\nContent-Type: text/plain; charset=UTF-8\n\nSee the HTML\n--b\nContent-Type: text/html; charset=UTF-8\n"
                + "Content-Transfer-Encoding: quoted-printable\n\n" + style + text + "\n--b--\n";
        MessageText read = reader.read(mail("Content-Type: multipart/alternative; boundary=b", body));
        assertThat(read.lines()).containsExactly("Title: A talk with a long title", "", "Speaker: Jane Doe, University of Somewhere");
    }

    @Test
    void formatFlowedIsUnwrapped() throws Exception {
        MessageText text = reader.read(mail("Content-Type: text/plain; charset=UTF-8; format=flowed",
                "Title: A long title that \nwraps here\n\nNext"));
        assertThat(text.lines()).containsExactly("Title: A long title that wraps here", "", "Next");
    }

    @Test
    void footersQuotesAndSignaturesAreDropped() throws Exception {
        MessageText text = reader.read(mail("Content-Type: text/plain; charset=UTF-8",
                "Hello\nTitle: T\n\nOn Mon, 1 Feb 2022 someone wrote:\n> old text\n\n-- \nJane\nCoordinator\n"));
        assertThat(text.lines()).containsExactly("Hello", "Title: T");
        MessageText footer = reader.read(mail("Content-Type: text/plain; charset=UTF-8",
                "a\nb\nc\nd\n_______________________________________________\nTheory mailing list\nhttps://x/listinfo"));
        assertThat(footer.lines()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void unknownCharsetFallsBackInsteadOfFailing() throws Exception {
        MessageText text = reader.read(mail("Content-Type: text/plain; charset=x-klingon", "Title: Qapla\u00e9"));
        assertThat(text.lines().get(0)).startsWith("Title: Qapla");
    }

    @Test
    void aTextPartOverTwoMegabytesMakesTheMessageUnreadable() throws Exception {
        String line = "Title: a long abstract, line after line of it\n";
        String justUnder = line.repeat((2 << 20) / line.length());
        assertThat(reader.read(mail("Content-Type: text/plain; charset=UTF-8", justUnder.substring(0, 400_000))).lines())
                .startsWith("Title: a long abstract, line after line of it");
        assertThatThrownBy(() -> reader.read(mail("Content-Type: text/plain; charset=UTF-8", justUnder + line)))
                .isInstanceOf(UnreadableMessageException.class).hasMessage("body part larger than 2 MB");
    }

    @Test
    void moreBodyTextThanTheBoundInAllPartsMakesTheMessageUnreadable() throws Exception {
        String part = "--b\nContent-Type: text/plain; charset=UTF-8\n\n" + "Abstract: words and words.\n".repeat(8_000);
        assertThat(reader.read(mail("Content-Type: multipart/mixed; boundary=b", part.repeat(2) + "--b--\n")).lines())
                .hasSizeGreaterThan(10_000);
        assertThatThrownBy(() -> reader.read(mail("Content-Type: multipart/mixed; boundary=b", part.repeat(3) + "--b--\n")))
                .isInstanceOf(UnreadableMessageException.class).hasMessage("body text longer than 500,000 characters");
    }

    @Test
    void bytesWithoutHeadersAreNotAnEmail() {
        assertThatThrownBy(() -> reader.read("just text\nmore text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining("not an email");
    }

    @Test
    void aMessageOfAHundredThousandPartsIsRefusedBeforeItsPartsAreBuilt() {
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            parts.append("--p\n\n");
        }
        byte[] bytes = ("From: a@b.example\nSubject: parts\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"p\"\n\n"
                + parts + "--p--\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(bytes))
                .isInstanceOf(UnreadableMessageException.class).hasMessage("more than 100 MIME parts");
    }

    @Test
    void proseWithSomeDashedLinesIsStillRead() throws Exception {
        String body = "-- \nsigned\n--\n" + "--note\n".repeat(50) + "Title: Graphs\n";
        org.assertj.core.api.Assertions.assertThat(reader.read(mail("Content-Type: text/plain", body)).body()).contains("Title: Graphs");
    }
}
