package org.talkfeed.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SenderPolicyTest {

    @Test
    void withNoRulesAnyoneMayAnnounce() {
        assertThat(SenderPolicy.ANYONE.refusal(null, null)).isNull();
        assertThat(SenderPolicy.ANYONE.refusal("anyone@anywhere.example", null)).isNull();
    }

    @Test
    void aDomainRuleCoversItsAddressesButNotLookAlikeDomains() {
        SenderPolicy policy = new SenderPolicy(List.of("@cs.example"), List.of());
        assertThat(policy.refusal("Jane@CS.example", null)).isNull();
        assertThat(policy.refusal("jane@notcs.example", null)).contains("jane@notcs.example");
        assertThat(policy.refusal(null, null)).contains("(none)");
    }

    @Test
    void aListIdLetsAnySenderThrough() {
        SenderPolicy policy = new SenderPolicy(List.of("chair@cs.example"), List.of("talks.cs.example"));
        assertThat(policy.refusal("guest@elsewhere.example", "Talks <talks.cs.example>")).isNull();
        assertThat(policy.refusal("guest@elsewhere.example", "<other.cs.example>"))
                .contains("other.cs.example").contains("talks.cs.example");
    }
}
