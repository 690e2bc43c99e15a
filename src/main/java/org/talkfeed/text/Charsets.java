package org.talkfeed.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Decodes text bytes by their declared charset, falling back sensibly when it is missing, wrong or unknown. */
final class Charsets {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Charsets() {
    }

    static String decode(byte[] bytes, String declared) {
        Charset charset = lookup(declared);
        if (charset == null || charset.equals(StandardCharsets.US_ASCII) || charset.equals(StandardCharsets.UTF_8)) {
            // Undeclared or ASCII-declared bodies are often UTF-8 in practice; Latin-1 is the last resort.
            String utf8 = strictUtf8(bytes);
            return utf8 != null ? utf8 : new String(bytes, WINDOWS_1252);
        }
        return new String(bytes, charset);
    }

    private static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String clean = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (clean.equals("iso-8859-1") || clean.equals("latin1") || clean.equals("iso8859-1")) {
            return WINDOWS_1252; // what mailers mean by Latin-1, as browsers also assume
        }
        try {
            return Charset.forName(clean);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String strictUtf8(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII); // valid UTF-8 as it is, and much cheaper to decode
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
