package org.talkfeed.talk;

/**
 * Who a message is from, as far as talkfeed can tell: its From address and what vouches for it.
 *
 * @param address the From address in lower case; null when the message has none
 * @param doubt   why nothing vouches for the address; null when something does
 */
public record Sender(String address, Vouch vouch, String doubt) {

    /** What makes the From address believable. */
    public enum Vouch {
        /** a DKIM or DMARC pass for the From domain, reported by a trusted receiving server */
        AUTHENTICATED,
        /** list mail: a configured List-Id, sent by the list's own configured envelope sender */
        LIST,
        /** no trusted Authentication-Results, and the Sender and Return-Path agree with From */
        ENVELOPE,
        /** an imported archive or export, whose envelope is gone: the operator chose to import what it shows */
        ARCHIVE,
        /** nothing: the address is only claimed */
        NOTHING
    }

    public boolean vouched() {
        return vouch != Vouch.NOTHING;
    }

    public String describe() {
        return address == null ? "(no From address)" : address;
    }
}
