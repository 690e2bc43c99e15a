package org.talkfeed.publish;

import java.util.Locale;

/** A link from mail that a page or email may carry: http(s) only, so that none leads to javascript: or data:. */
public final class WebAddress {
    private WebAddress() {
    }

    /** The address, stripped, when it is http(s); else null. */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }
}
