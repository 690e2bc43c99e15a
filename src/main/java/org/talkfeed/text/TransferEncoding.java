package org.talkfeed.text;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.util.BASE64DecoderStream;
import org.eclipse.angus.mail.util.QPDecoderStream;

import java.io.IOException;
import java.io.InputStream;

/**
 * A part's content with its Content-Transfer-Encoding undone, by the same Angus Mail decoders that
 * {@link Part#getInputStream()} would use. That method looks its decoder up through a ServiceLoader for every
 * part, which costs more than the rest of reading a message; here the common encodings get their decoder
 * directly, over the raw bytes held in memory. Other encodings and very large parts take jakarta.mail's way.
 */
final class TransferEncoding {
    /** Raw parts larger than this go through jakarta.mail, which never holds more than the decoded limit. */
    private static final int MAX_RAW_BYTES = 8 << 20;

    private TransferEncoding() {
    }

    /** At most {@code limit} bytes of the part's decoded content. */
    static byte[] decode(Part part, int limit) throws MessagingException, IOException {
        String encoding = encoding(part);
        boolean identity = isIdentity(encoding);
        boolean quotedPrintable = !identity && encoding.equalsIgnoreCase("quoted-printable");
        boolean base64 = !identity && encoding.equalsIgnoreCase("base64");
        byte[] raw = identity || quotedPrintable || base64 ? rawContent(part) : null;
        if (raw != null) {
            if (identity) {
                return raw.length > limit ? java.util.Arrays.copyOf(raw, limit) : raw;
            }
            InputStream decoder = quotedPrintable ? new QPDecoderStream(new Bytes(raw)) : new BASE64DecoderStream(new Bytes(raw));
            return decoder.readNBytes(limit);
        }
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(limit);
        }
    }

    /**
     * The part's bytes as they stand when its encoding writes each byte of content as one or more bytes (none,
     * 7bit, 8bit, binary, quoted-printable): never shorter than the decoded content. Null for other encodings.
     */
    static byte[] encodedNoShorterThanContent(Part part) throws MessagingException, IOException {
        String encoding = encoding(part);
        return isIdentity(encoding) || encoding.equalsIgnoreCase("quoted-printable") ? rawContent(part) : null;
    }

    /** Whether the encoding leaves the content as it is: none given, 7bit, 8bit or binary. */
    private static boolean isIdentity(String encoding) {
        return encoding == null || encoding.equalsIgnoreCase("7bit") || encoding.equalsIgnoreCase("8bit")
                || encoding.equalsIgnoreCase("binary");
    }

    private static String encoding(Part part) throws MessagingException {
        if (part instanceof MimeBodyPart body) {
            return body.getEncoding();
        }
        return part instanceof MimeMessage message ? message.getEncoding() : null;
    }

    /** The raw (still encoded) content when it is small enough to hold, else null. */
    private static byte[] rawContent(Part part) throws MessagingException, IOException {
        InputStream rawStream;
        if (part instanceof MimeBodyPart body) {
            rawStream = body.getRawInputStream();
        } else if (part instanceof MimeMessage message) {
            rawStream = message.getRawInputStream();
        } else {
            return null;
        }
        try (InputStream in = rawStream) {
            byte[] raw = in.readNBytes(MAX_RAW_BYTES + 1);
            return raw.length > MAX_RAW_BYTES ? null : raw;
        }
    }

    /**
     * Bytes in memory as a stream. The decoders read one byte at a time, and ByteArrayInputStream takes a lock
     * for each byte, which made decoding the largest cost of reading a message.
     */
    private static final class Bytes extends InputStream {
        private final byte[] bytes;
        private int next;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            if (next >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - next);
            System.arraycopy(bytes, next, into, offset, n);
            next += n;
            return n;
        }

        @Override
        public int available() {
            return bytes.length - next;
        }
    }
}
