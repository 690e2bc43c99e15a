package org.talkfeed.text;

import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** TransferEncoding gives exactly the bytes jakarta.mail's own decoders give, well-formed input or not. */
class TransferEncodingTest {
    private static final int LIMIT = 2 << 20;

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "Caf=E9 =C3=A9t=c3=a9", "soft=\r\nbreak", "soft=\nbreak", "soft=\rbreak", "trailing   \r\nspaces  ",
            "inner  spaces =20\r\n", "= at the end=", "=\r", "bad =4G hex", "bad =-1 sign", "=X", "tab\t\r\n", "=3D=3d"})
    void quotedPrintableAsJakartaMailReadsIt(String raw) throws Exception {
        assertSameAsJakartaMail("quoted-printable", raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SGVsbG8=", "SGVsbG8h", "SGVs\r\nbG8=", "SGVsbG8", "SGVsbA==", "SG=VsbA==", "SGVs bG8h", "SGVsbA==SGVs",
            "=", "SGVsbA=x"})
    void base64AsJakartaMailReadsIt(String raw) throws Exception {
        assertSameAsJakartaMail("base64", raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7bit", "8bit", "binary", "x-unknown", "B"})
    void otherEncodingsAsJakartaMailReadsThem(String encoding) throws Exception {
        assertSameAsJakartaMail(encoding, "SGVsbG8= caf=E9");
    }

    private static void assertSameAsJakartaMail(String encoding, String raw) throws Exception {
        byte[] headers = ("Content-Type: text/plain\r\nContent-Transfer-Encoding: " + encoding + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Part part = new MimeBodyPart(new InternetHeaders(new ByteArrayInputStream(headers)), raw.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(outcome(() -> TransferEncoding.decode(part, LIMIT))).isEqualTo(outcome(() -> {
            try (InputStream in = part.getInputStream()) {
                return in.readNBytes(LIMIT);
            }
        }));
    }

    private interface Decoding {
        byte[] bytes() throws Exception;
    }

    private static String outcome(Decoding decoding) {
        try {
            return java.util.Arrays.toString(decoding.bytes());
        } catch (Exception e) {
            return "failed: " + e.getClass().getSimpleName();
        }
    }
}
