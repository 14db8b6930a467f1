package org.openhotline.reporting.internal.kpis;

/**
 * How a KPI is counted over its source: the rows of the denominator ({@code denominator}, SQL predicate), which of
 * them are in the numerator ({@code numerator}) and, for averages and time shares, the seconds each row brings.
 * {@code period} overrides the source's time where the KPI is placed in a period by another moment (callback rate:
 * by closing). All SQL here is constant text of this package; values come in as named parameters
 * ({@code :threshold}, {@code :grades}, {@code :now}).
 */
record Formula(Source source, Kind kind, String denominator, String numerator, String seconds, String period) {

    enum Kind {
        /** numerator rows ÷ denominator rows, in per cent */
        RATIO,
        /** sum of the rows' seconds ÷ rows */
        AVERAGE,
        /** the numerator rows' seconds ÷ the denominator rows' seconds, in per cent */
        TIME_SHARE
    }

    static Formula ratio(Source source, String denominator, String numerator) {
        return new Formula(source, Kind.RATIO, denominator, numerator, null, null);
    }

    static Formula average(Source source, String rows, String seconds) {
        return new Formula(source, Kind.AVERAGE, rows, "true", seconds, null);
    }

    Formula byPeriod(String column) {
        return new Formula(source, kind, denominator, numerator, seconds, column);
    }

    String periodColumn() {
        return period != null ? period : source.period;
    }
}
