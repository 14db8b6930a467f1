package org.openhotline.operations.internal.health;

/**
 * One reading of one part: {@code metric} is what alarm rules name (e.g. {@code disk.free.pct}), {@code subject}
 * which one when there are several (a trunk's name, a directory), {@code value} null when it cannot be measured
 * here (no standby, telephony off) — {@code detail} then says why.
 */
public record Measure(String part, String metric, String subject, String label, Double value, String unit, String detail) {

    public static Measure of(String part, String metric, String subject, String label, double value, String unit, String detail) {
        return new Measure(part, metric, subject == null ? "" : subject, label, value, unit, detail);
    }

    public static Measure unknown(String part, String metric, String subject, String label, String detail) {
        return new Measure(part, metric, subject == null ? "" : subject, label, null, "", detail);
    }
}
