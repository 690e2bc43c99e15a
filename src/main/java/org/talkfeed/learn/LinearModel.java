package org.talkfeed.learn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A logistic model over binary features: the probability that a decision is right is the logistic of the bias plus the
 * weights of the features present. Features the model never saw weigh nothing.
 */
public record LinearModel(double bias, Map<String, Double> weights) {

    /** The weights in the order of their features' names, looked up by hashing: a model is asked for every talk. */
    public LinearModel {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(weights)));
    }

    public double probability(Set<String> features) {
        double z = bias;
        for (String feature : features) {
            z += weights.getOrDefault(feature, 0.0);
        }
        return 1 / (1 + Math.exp(-z));
    }
}
