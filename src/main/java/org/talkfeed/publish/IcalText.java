package org.talkfeed.publish;

/**
 * A value as the feed may carry it: line breaks become a plain LF (which ical4j writes as {@code \n}), a tab
 * becomes a space, and what no calendar text should hold is dropped: the other C0 controls, DEL, the C1
 * controls, unpaired surrogates and noncharacters.
 */
public final class IcalText {
    private IcalText() {
    }

    public static String clean(String value) {
        if (isClean(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                if (i < value.length() && value.charAt(i) == '\n') {
                    i++;
                }
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (cp == '\n' || allowed(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Whether {@link #clean} would leave the value as it is: no CR, tab or other character it drops. */
    private static boolean isClean(String value) {
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            if (cp != '\n' && !allowed(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean allowed(int cp) {
        boolean control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
        boolean loneSurrogate = cp <= 0xFFFF && Character.isSurrogate((char) cp);
        boolean nonCharacter = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
        return !control && !loneSurrogate && !nonCharacter;
    }
}
