package org.talkfeed.publish;

/** What a publish did: how many talks, how many files were rewritten, left unchanged or removed. */
public record PublishReport(int talks, int written, int unchanged, int removed) {
}
