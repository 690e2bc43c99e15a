package org.talkfeed.talk;

import org.junit.jupiter.api.Test;
import org.talkfeed.TestMail;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.MessageText;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who a message is from, what vouches for it, and who may announce. */
class SenderRulesTest {
    private static final SenderRules DEPT = new SenderRules(List.of("@cs.example"), List.of("chair@dept.example"), List.of(),
            List.of(), List.of("mx.cs.example"));
    private static final SenderRules LIST = new SenderRules(List.of("chair@cs.example"), List.of(), List.of("talks.cs.example"),
            List.of("talks-bounces@lists.cs.example"), List.of());

    private static MessageText mail(String from, String headers) throws Exception {
        return new MessageReader().read(TestMail.plain(from, "<m@x>", "Mon, 2 Mar 2026 09:00:00 -0600", "Talk", "Hello", headers));
    }

    @Test
    void withNoRulesAnyoneMayAnnounceWhatTheyClaim() throws Exception {
        Sender sender = SenderRules.ANYONE.identify(mail("anyone@anywhere.example", ""));
        assertThat(sender.vouched()).isFalse();
        assertThat(SenderRules.ANYONE.refusal(sender, null)).isNull();
        assertThat(sender.address()).isEqualTo("anyone@anywhere.example");
    }

    @Test
    void aReturnPathInTheFromDomainVouchesAndOneElsewhereRefuses() throws Exception {
        Sender agreeing = DEPT.identify(mail("Jane <Jane@CS.example>", "Return-Path: <jane@mail.cs.example>\n"));
        assertThat(agreeing.vouch()).isEqualTo(Sender.Vouch.ENVELOPE);
        assertThat(DEPT.refusal(agreeing, null)).isNull();

        Sender forged = DEPT.identify(mail("jane@cs.example", "Return-Path: <x@evil.example>\nSender: x@evil.example\n"));
        assertThat(forged.vouched()).isFalse();
        assertThat(DEPT.refusal(forged, null)).contains("jane@cs.example is allowed, but").contains("evil.example");

        Sender unvouched = DEPT.identify(mail("jane@cs.example", ""));
        assertThat(DEPT.refusal(unvouched, null)).contains("no trusted Authentication-Results");
    }

    @Test
    void aDomainRuleCoversItsAddressesButNotLookAlikeDomains() throws Exception {
        assertThat(DEPT.refusal(DEPT.identify(mail("jane@notcs.example", "Return-Path: <jane@notcs.example>\n")), null))
                .contains("jane@notcs.example is not an allowed sender");
    }

    @Test
    void aTrustedServersAuthenticationResultsDecideAndOthersAreNotRead() throws Exception {
        String envelope = "Return-Path: <bounce@mailer.example>\n";
        Sender dkim = DEPT.identify(mail("jane@cs.example", envelope
                + "Authentication-Results: mx.cs.example; spf=fail smtp.mailfrom=mailer.example;\n dkim=pass (good signature) header.d=cs.example header.s=s1\n"));
        assertThat(dkim.vouch()).isEqualTo(Sender.Vouch.AUTHENTICATED);

        Sender dmarc = DEPT.identify(mail("jane@cs.example", envelope
                + "Authentication-Results: mx.cs.example 1; dmarc=pass (p=reject) header.from=cs.example\n"));
        assertThat(dmarc.vouch()).isEqualTo(Sender.Vouch.AUTHENTICATED);

        Sender otherDomain = DEPT.identify(mail("jane@cs.example", "Return-Path: <jane@cs.example>\n"
                + "Authentication-Results: mx.cs.example; dkim=pass header.d=mailer.example\n"));
        assertThat(otherDomain.vouched()).as("the signature is not the From domain's, and the Return-Path no longer counts").isFalse();
        assertThat(otherDomain.doubt()).contains("no DKIM or DMARC pass for cs.example");

        Sender forgedServer = DEPT.identify(mail("jane@cs.example", envelope
                + "Authentication-Results: mx.evil.example; dkim=pass header.d=cs.example\n"));
        assertThat(forgedServer.vouched()).as("only the trusted authserv-id counts").isFalse();
    }

    @Test
    void aListIdAdmitsOnlyMailTheListItselfSent() throws Exception {
        Sender viaList = LIST.identify(mail("guest@elsewhere.example",
                "Return-Path: <talks-bounces@lists.cs.example>\nList-Id: Talks <talks.cs.example>\n"));
        assertThat(viaList.vouch()).isEqualTo(Sender.Vouch.LIST);
        assertThat(LIST.refusal(viaList, "Talks <talks.cs.example>")).isNull();

        Sender forgedListId = LIST.identify(mail("guest@elsewhere.example",
                "Return-Path: <guest@elsewhere.example>\nList-Id: Talks <talks.cs.example>\n"));
        assertThat(LIST.refusal(forgedListId, "<talks.cs.example>")).contains("not an allowed sender")
                .contains("List-Id talks.cs.example admits only mail that the list's envelope sender");
    }

    @Test
    void onlyAVouchedForAddressIsAnAdmin() throws Exception {
        assertThat(DEPT.isAdmin(DEPT.identify(mail("chair@dept.example", "Return-Path: <chair@dept.example>\n")))).isTrue();
        assertThat(DEPT.isAdmin(DEPT.identify(mail("chair@dept.example", "Return-Path: <x@evil.example>\n")))).isFalse();
    }

    @Test
    void onlyTheTopmostTrustedAuthenticationResultsCount() throws Exception {
        Sender forgedBelow = DEPT.identify(mail("jane@cs.example", "Authentication-Results: mx.cs.example; dkim=none; dmarc=fail header.from=cs.example\n"
                + "Authentication-Results: mx.cs.example; dkim=pass header.d=cs.example\n"));
        assertThat(forgedBelow.vouched()).as("a header below the server's own was written by the sender").isFalse();
    }

    @Test
    void aSenderHeaderAloneVouchesForNothing() throws Exception {
        Sender sender = DEPT.identify(mail("chair@dept.example", "Sender: chair@dept.example\n"));
        assertThat(sender.vouched()).isFalse();
        assertThat(DEPT.isAdmin(sender)).isFalse();
    }

    @Test
    void whereTheServerChecksMailTheListPathNeedsTheListsOwnPass() throws Exception {
        SenderRules checked = new SenderRules(List.of(), List.of(), List.of("talks.cs.example"), List.of("talks-bounces@lists.cs.example"),
                List.of("mx.cs.example"));
        String list = "Return-Path: <talks-bounces@lists.cs.example>\nList-Id: <talks.cs.example>\n";
        Sender forged = checked.identify(mail("guest@elsewhere.example", "Authentication-Results: mx.cs.example; spf=fail "
                + "smtp.mailfrom=lists.cs.example; dmarc=fail header.from=elsewhere.example\n" + list));
        assertThat(forged.vouch()).isEqualTo(Sender.Vouch.NOTHING);
        Sender relayed = checked.identify(mail("guest@elsewhere.example", "Authentication-Results: mx.cs.example; spf=pass "
                + "smtp.mailfrom=talks-bounces@lists.cs.example; dmarc=fail header.from=elsewhere.example\n" + list));
        assertThat(relayed.vouch()).isEqualTo(Sender.Vouch.LIST);
    }
}
