package org.talkfeed.extract;

import org.talkfeed.talk.StructuredEvent;
import org.talkfeed.talk.Talk;

/**
 * One event a message carries as data, read into a talk with the fields the data gives.
 *
 * @param description the event's description as its author wrote it (program boilerplate left out), or null:
 *                    the text in which the rules may find what the data lacks, such as the speaker
 * @param placeStated whether the data says where the event is, be it only a link to join: then a place the
 *                    message's text names is not the event's
 */
record StructuredTalk(Talk talk, StructuredEvent event, Status status, String description, boolean placeStated) {

    /** What the data says has become of the event. */
    enum Status {
        SCHEDULED,
        /** cancelled or postponed */
        CANCELLED,
        /** rescheduled or moved online: the data gives its new form */
        CHANGED
    }

}
