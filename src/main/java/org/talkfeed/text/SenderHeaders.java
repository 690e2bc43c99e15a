package org.talkfeed.text;

import java.util.List;

/**
 * The headers that say who really sent a message, beside its From: the Sender, the envelope sender the last server
 * wrote as Return-Path (both as bare addresses, null when absent), and every Authentication-Results header, top first.
 */
public record SenderHeaders(String sender, String returnPath, List<String> authenticationResults) {
    public static final SenderHeaders NONE = new SenderHeaders(null, null, List.of());

    public SenderHeaders {
        authenticationResults = List.copyOf(authenticationResults);
    }
}
