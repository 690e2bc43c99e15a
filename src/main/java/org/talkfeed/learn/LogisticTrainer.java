package org.talkfeed.learn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fits a {@link LinearModel} by full-batch gradient descent on the L2-regularized log loss. Deterministic: the same
 * examples give the same weights, whatever order sets iterate in (features are indexed in sorted order, and the
 * examples are taken in the order given). Features seen in fewer than {@code minCount} examples are left out.
 */
public final class LogisticTrainer {
    private final int iterations;
    private final double step;
    private final double l2;
    private final int minCount;

    public LogisticTrainer(int iterations, double step, double l2, int minCount) {
        this.iterations = iterations;
        this.step = step;
        this.l2 = l2;
        this.minCount = minCount;
    }

    /** The defaults talkfeed trains with: small data, so a firm L2 and features seen at least twice. */
    public static LogisticTrainer standard() {
        return new LogisticTrainer(400, 0.5, 0.02, 2);
    }

    public LinearModel train(List<Example> examples) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Example e : examples) {
            for (String f : new TreeSet<>(e.features())) {
                counts.merge(f, 1, Integer::sum);
            }
        }
        List<String> names = counts.entrySet().stream().filter(c -> c.getValue() >= minCount).map(Map.Entry::getKey).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        List<int[]> rows = new ArrayList<>();
        for (Example e : examples) {
            rows.add(e.features().stream().filter(index::containsKey).mapToInt(index::get).sorted().toArray());
        }
        double[] w = new double[names.size()];
        double bias = 0;
        int n = Math.max(1, examples.size());
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[] gradient = new double[w.length];
            double biasGradient = 0;
            for (int r = 0; r < rows.size(); r++) {
                double z = bias;
                for (int f : rows.get(r)) {
                    z += w[f];
                }
                double error = 1 / (1 + Math.exp(-z)) - (examples.get(r).yes() ? 1 : 0);
                biasGradient += error;
                for (int f : rows.get(r)) {
                    gradient[f] += error;
                }
            }
            bias -= step * biasGradient / n;
            for (int f = 0; f < w.length; f++) {
                w[f] -= step * (gradient[f] / n + l2 * w[f]);
            }
        }
        Map<String, Double> weights = new TreeMap<>();
        for (int f = 0; f < w.length; f++) {
            if (Math.abs(w[f]) >= 1e-4) {
                weights.put(names.get(f), round(w[f]));
            }
        }
        return new LinearModel(round(bias), weights);
    }

    /** Six decimals: enough for the decisions, and a model file that reads the same on every machine. */
    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
