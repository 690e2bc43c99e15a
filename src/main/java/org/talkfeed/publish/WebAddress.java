package org.talkfeed.publish;

import java.net.URI;
import java.net.URISyntaxException;
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

    /** Whether the text is an http(s) address whose host has a domain (a dot): a link a reader can follow. */
    public static boolean isFollowable(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getHost().contains(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
