package org.talkfeed.talk;

/**
 * Who may change a talk: the person who announced it (the From address of its first announcement), as surely as that
 * announcement was vouched for, and the mailbox's admins. Nobody else's reminder, update, cancellation or move changes it.
 */
public final class Authority {
    private Authority() {
    }

    /**
     * Why {@code sender} may not change {@code talk}, or null when they may: an admin may; its announcer may, vouched
     * for whenever the announcement was (a talk announced on an open mailbox, by a From nothing vouched for, can be
     * changed by a message that claims the same From).
     */
    public static String refusal(Sender sender, KnownTalks.Current talk, SenderRules rules) {
        if (rules.isAdmin(sender)) {
            return null;
        }
        String announcer = talk.announcer();
        if (sender.address() != null && sender.address().equalsIgnoreCase(announcer)) {
            if (sender.vouched() || !talk.announcerVouched()) {
                return null;
            }
            return "nothing vouches that this message is from " + announcer + ", who announced the talk: " + sender.doubt();
        }
        return sender.describe() + " may not change a talk announced by " + (announcer == null ? "an unknown sender" : announcer)
                + " (only its announcer or an admin may)";
    }
}
