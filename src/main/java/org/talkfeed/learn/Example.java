package org.talkfeed.learn;

import java.util.Set;

/** One labeled decision to learn from: the features present, and whether the answer is yes. */
public record Example(Set<String> features, boolean yes) {
    public Example {
        features = Set.copyOf(features);
    }
}
