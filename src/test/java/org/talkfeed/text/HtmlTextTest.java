package org.talkfeed.text;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {
    /** Pieces of mail HTML, well-formed or not, that random documents are made of. */
    private static final String[] PIECES = {
            "<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<b>", "</b>", "<td>", "<td>x</td>", "<th>", "<tr>", "</tr>",
            "<table>", "</table>", "<li>", "<ul>", "<h1>", "<hr>", "<pre>", "</pre>", "<a href=\"https://zoom.us/j/123?pwd=abc\">",
            "<a href='http://x.example/a'>", "</a>", "<a>", "<style>p{margin:0}</style>", "<script>var a='<b>';</script>",
            "<!-- note -->", "<!-- <p>x</p> -->", "&amp;", "&nbsp;", "&#x1F600;", "&NotEqualTilde;", "&lt;b&gt;", "&",
            " ", "  ", "\n", "\t", "Speaker: Jane Doe", "When:", "4pm", "<", ">", "a < b", "x>y", "<title>T</title>",
            "<xmp><b>raw</b></xmp>", "<textarea>t</textarea>", "<head>", "</head>", "<body>", "\u00e9t\u00e9", "</ x>",
            "<?xml?>", "<o:p></o:p>", "<span style=\"x\">", "</span>", "<center>", "<blockquote>", "<dd>", "<dt>",
            "<!-- a > b <style> -->", "<!-->", "<!-- unclosed", "</sty", "<style>", "</style>", "<script>", "</script>"};

    @RepeatedTest(300)
    void theLengthBoundIsNeverBelowTheRenderedText(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder html = new StringBuilder();
        int pieces = 1 + random.nextInt(60);
        for (int i = 0; i < pieces; i++) {
            html.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String document = html.toString();
        assertThat(HtmlText.textLengthBound(document)).as(document).isGreaterThanOrEqualTo(HtmlText.toText(document).length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<plaintext><p>all of this is text</p>", "<td>cell", "<a href=\"https://x.example/long/address\">go</a>",
            "<style>unclosed { all: text }", "<xmp>unclosed <p>raw</p>",
            "<!-- a > b <style> --><p>Speaker: Jane Doe, University of Somewhere</p>", "<style>p{}</sty\nle><p>Speaker: Jane Doe</p>"})
    void edgeCasesStayBounded(String html) {
        assertThat(HtmlText.textLengthBound(html)).isGreaterThanOrEqualTo(HtmlText.toText(html).length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"style", "script"})
    void hiddenStyleAndScriptTextDoesNotCount(String element) {
        String shown = "<p>Speaker: Jane Doe</p>";
        String hidden = "<" + element + ">" + "body { font-family: Arial; margin: 0 0 8px; }".repeat(20) + "</" + element + ">";
        assertThat(HtmlText.textLengthBound(hidden + shown)).isLessThan(HtmlText.textLengthBound(shown) + 20);
    }
}
