package org.talkfeed.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Appends messages to an mbox file (mboxrd: body lines matching ">*From " get one more '>'), as {@link MboxFile} reads them. */
public final class MboxWriter {
    private static final byte[] SEPARATOR = "From talkfeed@talkfeed.invalid  Thu Jan  1 00:00:00 2026\n".getBytes(StandardCharsets.US_ASCII);

    private MboxWriter() {
    }

    public static void append(OutputStream out, byte[] message) throws IOException {
        out.write(SEPARATOR);
        int start = 0;
        while (start < message.length) {
            int end = start;
            while (end < message.length && message[end] != '\n') {
                end++;
            }
            if (isFromLine(message, start, end)) {
                out.write('>');
            }
            out.write(message, start, end - start);
            out.write('\n');
            start = end + 1;
        }
        out.write('\n');
    }

    private static boolean isFromLine(byte[] m, int start, int end) {
        int i = start;
        while (i < end && m[i] == '>') {
            i++;
        }
        return end - i >= 5 && m[i] == 'F' && m[i + 1] == 'r' && m[i + 2] == 'o' && m[i + 3] == 'm' && m[i + 4] == ' ';
    }
}
