package org.talkfeed.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A digest of what an output file is made from: equal inputs give equal fingerprints, any change another one. */
final class Fingerprint {
    private final MessageDigest digest;
    private final byte[] number = new byte[8];

    Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Fingerprint add(String text) {
        if (text == null) {
            return add(-1L);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        add(bytes.length);
        digest.update(bytes);
        return this;
    }

    Fingerprint add(byte[] bytes) {
        add(bytes.length);
        digest.update(bytes);
        return this;
    }

    Fingerprint add(long value) {
        for (int i = 0; i < 8; i++) {
            number[i] = (byte) (value >>> (8 * i));
        }
        digest.update(number);
        return this;
    }

    Fingerprint add(boolean value) {
        digest.update(value ? (byte) 1 : (byte) 0);
        return this;
    }

    /** The first 64 bits, for a talk's part in other fingerprints. */
    long asLong() {
        byte[] hash = digest.digest();
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (hash[i] & 0xff);
        }
        return value;
    }

    /** The first 96 bits in hex, as the manifest keeps it. */
    String hex() {
        return HexFormat.of().formatHex(digest.digest(), 0, 12);
    }
}
