package org.talkfeed.pipeline;

/** Where watchers report: each processed message, a mailbox that could not be read, and that talks changed. */
interface Intake {

    /** Logs and counts a result; true when it changed talks. */
    boolean accept(ProcessResult result);

    void mailboxFailed();

    /** Talks changed: the site should be published. */
    void changed();
}
