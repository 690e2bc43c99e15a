package org.talkfeed.talk;

import org.talkfeed.text.AuthenticationResults;
import org.talkfeed.text.MessageText;
import org.talkfeed.text.SenderHeaders;

import java.util.List;
import java.util.Locale;

/**
 * A mailbox's rules about senders: who may announce ({@code allowedSenders}, {@code admins}, and list mail from a
 * configured list), who may change any talk ({@code admins}), and what makes a From address believable
 * ({@code trustedAuthservIds}: the receiving servers whose Authentication-Results count; {@code listSenders}: the
 * envelope senders a configured list sends with). Addresses are exact or "@domain" for a whole domain.
 * No allowed senders, admins or lists: an open mailbox, where anyone may announce and From is taken as claimed.
 *
 * @param archive the messages come from an archive or export that the operator imports, where the envelope is gone:
 *                a From that nothing else vouches for is taken as the archive shows it
 */
public record SenderRules(List<String> allowedSenders, List<String> admins, List<String> listIds, List<String> listSenders,
                          List<String> trustedAuthservIds, boolean archive) {
    public static final SenderRules ANYONE = new SenderRules(List.of(), List.of(), List.of(), List.of(), List.of());

    public SenderRules {
        allowedSenders = lowerCase(allowedSenders);
        admins = lowerCase(admins);
        listIds = listIds.stream().map(SenderRules::bareListId).toList();
        listSenders = lowerCase(listSenders);
        trustedAuthservIds = lowerCase(trustedAuthservIds);
    }

    /** Rules for mail as it is delivered to a mailbox. */
    public SenderRules(List<String> allowedSenders, List<String> admins, List<String> listIds, List<String> listSenders,
                       List<String> trustedAuthservIds) {
        this(allowedSenders, admins, listIds, listSenders, trustedAuthservIds, false);
    }

    /** The same rules for an imported archive or export. */
    public SenderRules forArchive() {
        return new SenderRules(allowedSenders, admins, listIds, listSenders, trustedAuthservIds, true);
    }

    public boolean open() {
        return allowedSenders.isEmpty() && admins.isEmpty() && listIds.isEmpty();
    }

    /** Who the message is from and what vouches for it; see {@link Sender.Vouch} for the order the evidence is taken in. */
    public Sender identify(MessageText text) {
        String from = lower(text.fromAddress());
        if (from == null) {
            return new Sender(null, Sender.Vouch.NOTHING, "the message has no From address");
        }
        SenderHeaders headers = text.senderHeaders();
        AuthenticationResults trusted = topmostTrusted(headers);
        if (trusted != null && passes(trusted, domain(from))) {
            return new Sender(from, Sender.Vouch.AUTHENTICATED, null);
        }
        String envelope = headers.returnPath() != null ? lower(headers.returnPath()) : lower(headers.sender());
        if (isListMail(text.listId()) && envelope != null && matchesAny(envelope, listSenders)
                && (trusted == null || listSent(trusted, domain(envelope)))) {
            return new Sender(from, Sender.Vouch.LIST, null);
        }
        if (trusted != null) {
            return new Sender(from, Sender.Vouch.NOTHING, "no DKIM or DMARC pass for " + domain(from)
                    + " in the Authentication-Results of " + trusted.authservId());
        }
        if (archive) {
            return new Sender(from, Sender.Vouch.ARCHIVE, null);
        }
        String disagreeing = disagreeing(from, lower(headers.sender()), lower(headers.returnPath()));
        if (disagreeing != null) {
            return new Sender(from, Sender.Vouch.NOTHING, disagreeing);
        }
        if (headers.returnPath() == null) {
            return new Sender(from, Sender.Vouch.NOTHING,
                    "no trusted Authentication-Results or Return-Path vouches for the From address");
        }
        return new Sender(from, Sender.Vouch.ENVELOPE, null);
    }

    /**
     * The Authentication-Results the receiving server wrote: the topmost header with a trusted authserv-id. Servers add
     * theirs above everything the message arrived with, so one below it may have been written by the sender.
     */
    private AuthenticationResults topmostTrusted(SenderHeaders headers) {
        for (String header : headers.authenticationResults()) {
            AuthenticationResults results = AuthenticationResults.parse(header);
            if (trustedAuthservIds.contains(results.authservId())) {
                return results;
            }
        }
        return null;
    }

    /** Whether the trusted server saw the list's own domain send the message: SPF for its envelope, or its DKIM signature. */
    private static boolean listSent(AuthenticationResults results, String listDomain) {
        return results.checks().stream().anyMatch(check -> "pass".equals(check.result()) && switch (check.method()) {
            case "spf" -> listDomain.equals(domain(lower(check.property("smtp.mailfrom"))));
            case "dkim" -> aligned(listDomain, lower(check.property("header.d")));
            default -> false;
        });
    }

    /** Why the message may not announce talks on this mailbox, or null when it may. */
    public String refusal(Sender sender, String listIdHeader) {
        if (open() || sender.vouch() == Sender.Vouch.LIST) {
            return null;
        }
        boolean listed = sender.address() != null
                && (matchesAny(sender.address(), allowedSenders) || matchesAny(sender.address(), admins));
        if (listed && sender.vouched()) {
            return null;
        }
        if (listed) {
            return "From " + sender.address() + " is allowed, but " + sender.doubt();
        }
        String reason = "sender " + sender.describe() + " is not an allowed sender";
        if (isListMail(listIdHeader)) {
            reason += ", and the List-Id " + bareListId(listIdHeader) + " admits only mail that the list's envelope sender ("
                    + String.join(" or ", listSenders) + ") sent";
        }
        return reason;
    }

    /**
     * An admin may change any talk; only an address the receiving server authenticated, or whose own envelope agrees
     * with it, is one: neither list mail nor an archive proves who wrote a message.
     */
    public boolean isAdmin(Sender sender) {
        return sender.address() != null && (sender.vouch() == Sender.Vouch.AUTHENTICATED || sender.vouch() == Sender.Vouch.ENVELOPE)
                && matchesAny(sender.address(), admins);
    }

    private boolean isListMail(String listIdHeader) {
        return listIdHeader != null && listIds.contains(bareListId(listIdHeader));
    }

    private static boolean passes(AuthenticationResults results, String fromDomain) {
        return results.checks().stream().anyMatch(check -> "pass".equals(check.result()) && switch (check.method()) {
            case "dmarc" -> fromDomain.equals(lower(check.property("header.from")));
            case "dkim" -> aligned(fromDomain, lower(check.property("header.d")))
                    || aligned(fromDomain, domain(lower(check.property("header.i"))));
            default -> false;
        });
    }

    /** A DKIM signing domain aligns with From when it is the From domain or a parent of it (relaxed alignment). */
    private static boolean aligned(String fromDomain, String signingDomain) {
        return signingDomain != null && !signingDomain.isEmpty()
                && (fromDomain.equals(signingDomain) || fromDomain.endsWith("." + signingDomain));
    }

    /** Why the Sender or Return-Path does not agree with From (a different domain), or null when each present one does. */
    private static String disagreeing(String from, String sender, String returnPath) {
        if (sender != null && !sameOrganisation(domain(from), domain(sender))) {
            return "the Sender " + sender + " does not agree with the From address";
        }
        if (returnPath != null && !sameOrganisation(domain(from), domain(returnPath))) {
            return "the Return-Path " + returnPath + " does not agree with the From address";
        }
        return null;
    }

    private static boolean sameOrganisation(String a, String b) {
        return !a.isEmpty() && !b.isEmpty() && (a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a));
    }

    static boolean matchesAny(String address, List<String> patterns) {
        for (String allowed : patterns) {
            if (allowed.startsWith("@") ? address.endsWith(allowed) : address.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private static String domain(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(at + 1);
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

    private static List<String> lowerCase(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
