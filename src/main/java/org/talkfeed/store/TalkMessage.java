package org.talkfeed.store;

import org.talkfeed.talk.Kind;

import java.time.ZonedDateTime;

/**
 * A message that made or changed a talk, as the archive shows it.
 *
 * @param text       the message as its readers saw it (see {@link org.talkfeed.text.MessageText.Original}); null when
 *                   the store kept none
 * @param archivedAt the list archive's copy of the message (Archived-At), or null
 */
public record TalkMessage(Kind kind, String subject, String sender, ZonedDateTime sentAt, String text, String archivedAt) {
}
