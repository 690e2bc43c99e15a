package org.talkfeed.text;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

/**
 * A part's content with its Content-Transfer-Encoding undone. The identity encodings and well-formed
 * quoted-printable and base64 are decoded here from the raw bytes, to the very bytes jakarta.mail's decoders
 * give; anything else (other encodings, malformed input, very large parts) goes through jakarta.mail. Its way
 * looks the decoders up anew for every part and reads quoted-printable a byte at a time through two streams,
 * which costs more than all the rest of reading a message.
 */
final class TransferEncoding {
    /** Raw parts larger than this go through jakarta.mail, which never holds more than the decoded limit. */
    private static final int MAX_RAW_BYTES = 8 << 20;

    private TransferEncoding() {
    }

    /** At most {@code limit} bytes of the part's decoded content. */
    static byte[] decode(Part part, int limit) throws MessagingException, IOException {
        byte[] decoded = decodedHere(part, limit);
        if (decoded != null) {
            return decoded;
        }
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(limit);
        }
    }

    /** The decoded content, or null when it is better left to jakarta.mail. */
    private static byte[] decodedHere(Part part, int limit) {
        try {
            String encoding;
            InputStream rawStream;
            if (part instanceof MimeBodyPart body) {
                encoding = body.getEncoding();
                rawStream = body.getRawInputStream();
            } else if (part instanceof MimeMessage message) {
                encoding = message.getEncoding();
                rawStream = message.getRawInputStream();
            } else {
                return null;
            }
            byte[] raw;
            try (InputStream in = rawStream) {
                raw = in.readNBytes(MAX_RAW_BYTES + 1);
            }
            if (raw.length > MAX_RAW_BYTES) {
                return null;
            }
            if (encoding == null || encoding.equalsIgnoreCase("7bit") || encoding.equalsIgnoreCase("8bit")
                    || encoding.equalsIgnoreCase("binary")) {
                return raw.length > limit ? java.util.Arrays.copyOf(raw, limit) : raw;
            }
            if (encoding.equalsIgnoreCase("quoted-printable")) {
                return quotedPrintable(raw, limit);
            }
            if (encoding.equalsIgnoreCase("base64")) {
                return base64(raw, limit);
            }
            return null;
        } catch (MessagingException | IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Quoted-printable as jakarta.mail reads it: "=XX" is a byte, "=" before a line break joins the lines, and
     * spaces before a line break or the end are dropped. Null for an "=" followed by anything else or
     * ending the content, which jakarta.mail reads in ways of its own.
     */
    static byte[] quotedPrintable(byte[] raw, int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(raw.length, limit));
        int n = raw.length;
        int i = 0;
        while (i < n && out.size() < limit) {
            int c = raw[i] & 0xff;
            if (c == ' ') {
                int end = i;
                while (end < n && raw[end] == ' ') {
                    end++;
                }
                if (end < n && raw[end] != '\r' && raw[end] != '\n') {
                    for (int k = i; k < end && out.size() < limit; k++) {
                        out.write(' ');
                    }
                }
                i = end;
            } else if (c == '=') {
                if (i + 1 >= n) {
                    return null;
                }
                int a = raw[i + 1];
                if (a == '\n') {
                    i += 2;
                } else if (a == '\r') {
                    if (i + 2 >= n) {
                        return null;
                    }
                    i += raw[i + 2] == '\n' ? 3 : 2;
                } else if (i + 2 < n && hex(a) >= 0 && hex(raw[i + 2]) >= 0) {
                    out.write(hex(a) * 16 + hex(raw[i + 2]));
                    i += 3;
                } else {
                    return null;
                }
            } else {
                out.write(c);
                i++;
            }
        }
        return out.toByteArray();
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /**
     * Base64 of the alphabet and line breaks only, padded at the very end if at all: what every decoder reads
     * alike. Null for anything else (stray characters, data after padding, a short last group).
     */
    static byte[] base64(byte[] raw, int limit) {
        int symbols = 0;
        int padding = 0;
        for (byte b : raw) {
            if (b == '\r' || b == '\n') {
                continue;
            }
            if (b == '=') {
                padding++;
            } else if (padding > 0 || !isBase64Letter(b)) {
                return null;
            } else {
                symbols++;
            }
        }
        if (padding > 2 || (symbols + padding) % 4 != 0) {
            return null;
        }
        byte[] decoded = Base64.getMimeDecoder().decode(raw);
        return decoded.length > limit ? java.util.Arrays.copyOf(decoded, limit) : decoded;
    }

    private static boolean isBase64Letter(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/';
    }
}
