package org.talkfeed.config;

import java.util.List;
import java.util.Locale;

/**
 * Who may announce on a mailbox: messages from one of {@code senders} (an address, or "@domain" for a
 * whole domain) or carrying one of {@code listIds} in their List-Id header. Both empty: everyone may.
 */
public record SenderPolicy(List<String> senders, List<String> listIds) {
    public static final SenderPolicy ANYONE = new SenderPolicy(List.of(), List.of());

    public SenderPolicy {
        senders = senders.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        listIds = listIds.stream().map(SenderPolicy::bareListId).toList();
    }

    /** Why a message may not announce, or null when it may. */
    public String refusal(String fromAddress, String listIdHeader) {
        if (senders.isEmpty() && listIds.isEmpty()) {
            return null;
        }
        String from = fromAddress == null ? "" : fromAddress.strip().toLowerCase(Locale.ROOT);
        for (String allowed : senders) {
            if (allowed.startsWith("@") ? from.endsWith(allowed) : from.equals(allowed)) {
                return null;
            }
        }
        String listId = listIdHeader == null ? "" : bareListId(listIdHeader);
        if (!listId.isEmpty() && listIds.contains(listId)) {
            return null;
        }
        return "sender " + (from.isEmpty() ? "(none)" : from) + " is not an allowed sender"
                + (listIds.isEmpty() ? "" : " and List-Id " + (listId.isEmpty() ? "(none)" : listId) + " is not " + String.join(" or ", listIds));
    }

    /** "Talks list <talks.cs.example.edu>" and "talks.cs.example.edu" name the same list. */
    private static String bareListId(String value) {
        String v = value.strip();
        int open = v.lastIndexOf('<');
        int close = v.lastIndexOf('>');
        if (open >= 0 && close > open) {
            v = v.substring(open + 1, close);
        }
        return v.strip().toLowerCase(Locale.ROOT);
    }
}
