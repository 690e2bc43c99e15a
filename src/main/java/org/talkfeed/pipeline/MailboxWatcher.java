package org.talkfeed.pipeline;

/** Reads one configured mailbox for the daemon. */
interface MailboxWatcher {

    /** Reads what is new once; false when the mailbox could not be read (the reason is logged and kept as its status). */
    boolean checkOnce();

    /**
     * Reads what is new, then waits for more (IDLE or polling), reconnecting after failures of the mailbox, until
     * {@link #stop()}. What it cannot go on after (a store that cannot be written, an Error) it throws.
     */
    void watch();

    /** Asks {@link #watch()} to return after the message in progress; callable from any thread. */
    void stop();
}
