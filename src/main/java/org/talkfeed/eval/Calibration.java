package org.talkfeed.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well confidence means what it says: for every published talk, the confidence it was given and whether it was
 * fully right. Read as a reliability table (predicted against observed, by tenth of confidence) and as the share of
 * talks above a publishing threshold with how many of those were fully right.
 */
public final class Calibration {
    private record Point(double confidence, boolean right) {
    }

    private final List<Point> points = new ArrayList<>();

    void add(double confidence, boolean right) {
        points.add(new Point(confidence, right));
    }

    public int talks() {
        return points.size();
    }

    /** The share of talks at or above {@code threshold}. */
    public double shareAbove(double threshold) {
        return points.isEmpty() ? Double.NaN : (double) points.stream().filter(p -> p.confidence() >= threshold).count() / points.size();
    }

    /** Of the talks at or above {@code threshold}, the share that is fully right. */
    public double rightAbove(double threshold) {
        List<Point> above = points.stream().filter(p -> p.confidence() >= threshold).toList();
        return above.isEmpty() ? Double.NaN : (double) above.stream().filter(Point::right).count() / above.size();
    }

    /** The share of all talks that is fully right. */
    public double right() {
        return points.isEmpty() ? Double.NaN : (double) points.stream().filter(Point::right).count() / points.size();
    }

    /** Expected calibration error: the talk-weighted mean gap between predicted and observed over the ten bins. */
    public double expectedError() {
        double sum = 0;
        for (int bin = 0; bin < 10; bin++) {
            List<Point> in = bin(bin);
            if (!in.isEmpty()) {
                double predicted = in.stream().mapToDouble(Point::confidence).average().orElse(0);
                double observed = (double) in.stream().filter(Point::right).count() / in.size();
                sum += in.size() * Math.abs(predicted - observed);
            }
        }
        return points.isEmpty() ? Double.NaN : sum / points.size();
    }

    public String table(double threshold) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-11s %6s %9s %9s%n", "confidence", "talks", "predicted", "observed"));
        for (int bin = 0; bin < 10; bin++) {
            List<Point> in = bin(bin);
            double predicted = in.stream().mapToDouble(Point::confidence).average().orElse(Double.NaN);
            double observed = in.isEmpty() ? Double.NaN : (double) in.stream().filter(Point::right).count() / in.size();
            s.append(String.format(Locale.ROOT, "%.1f-%.1f    %6d %9.3f %9.3f%n", bin / 10.0, (bin + 1) / 10.0, in.size(), predicted, observed));
        }
        s.append(String.format(Locale.ROOT, "fully right: %.3f of %d talks; expected calibration error %.3f%n", right(), talks(),
                expectedError()));
        s.append(String.format(Locale.ROOT, "at or above %.2f: %.3f of the talks, %.3f of them fully right%n", threshold,
                shareAbove(threshold), rightAbove(threshold)));
        return s.toString();
    }

    private List<Point> bin(int bin) {
        return points.stream().filter(p -> Math.min(9, (int) Math.floor(p.confidence() * 10)) == bin).toList();
    }
}
