package org.talkfeed.talk;

/**
 * Who may change a talk: the person who announced it (the From address of its first announcement) and the mailbox's
 * admins. Nobody else's reminder, update, cancellation or move changes it.
 */
public final class Authority {
    private Authority() {
    }

    /** Why {@code sender} may not change a talk first announced by {@code announcer}, or null when they may. */
    public static String refusal(Sender sender, String announcer, SenderRules rules) {
        if (rules.isAdmin(sender)) {
            return null;
        }
        if (sender.address() != null && sender.address().equalsIgnoreCase(announcer)) {
            return null;
        }
        return sender.describe() + " may not change a talk announced by " + (announcer == null ? "an unknown sender" : announcer)
                + " (only its announcer or an admin may)";
    }
}
