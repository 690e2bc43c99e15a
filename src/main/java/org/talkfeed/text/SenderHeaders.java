package org.talkfeed.text;

import java.util.List;

/**
 * The headers that say who really sent a message, beside its From: the Sender, the envelope sender the last server
 * wrote as Return-Path (both as bare addresses, null when absent), and every Authentication-Results header, top first;
 * and those that say an automaton sent it (RFC 3834 and common practice), each as written or null when absent:
 * Auto-Submitted, Precedence and X-Auto-Response-Suppress.
 */
public record SenderHeaders(String sender, String returnPath, List<String> authenticationResults, String autoSubmitted,
                            String precedence, String autoResponseSuppress) {
    public static final SenderHeaders NONE = new SenderHeaders(null, null, List.of());

    public SenderHeaders {
        authenticationResults = List.copyOf(authenticationResults);
    }

    /** A message with no header that says an automaton sent it. */
    public SenderHeaders(String sender, String returnPath, List<String> authenticationResults) {
        this(sender, returnPath, authenticationResults, null, null, null);
    }
}
