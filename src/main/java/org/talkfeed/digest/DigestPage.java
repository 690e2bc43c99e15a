package org.talkfeed.digest;

import org.talkfeed.publish.PageSite;

/** What a digest's page in the archive shows: the archive's layout around the digest. */
record DigestPage(String root, PageSite site, String title, DigestView digest) {
    /** The digest pages are one folder below the site's root. */
    static final String ROOT = "../";
}
