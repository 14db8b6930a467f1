package org.openhotline.reporting.internal.reports;

/**
 * One column of a report: an aggregate over the report's rows that match {@code rows} (SQL predicate).
 * {@code value} is the SQL the aggregate sums, averages or counts distinctly (seconds for time columns);
 * a percentage is {@code numerator} rows (or seconds) ÷ {@code rows} rows (or seconds). Labels may name the
 * configured thresholds as {@code {answerWithin}} and {@code {dispatchWithin}}.
 */
record Column(String key, String label, Kind kind, String rows, String numerator, String value, String help) {

    enum Kind {
        /** rows matching {@code rows} */
        COUNT("个"),
        /** sum of {@code value} over them (a number of times) */
        SUM("次"),
        /** sum of {@code value} seconds over them */
        SECONDS("秒"),
        /** average of {@code value} seconds over them */
        AVERAGE("秒"),
        /** the largest {@code value} seconds among them */
        MAX("秒"),
        /** {@code numerator} ÷ {@code rows}, counted in rows, or in seconds when {@code value} is set */
        PERCENT("%"),
        /** distinct values of {@code value} among them (not a set of rows: no records) */
        DISTINCT("个");

        final String unit;

        Kind(String unit) {
            this.unit = unit;
        }
    }

    static Column count(String key, String label, String rows, String help) {
        return new Column(key, label, Kind.COUNT, rows, null, null, help);
    }

    static Column sum(String key, String label, String rows, String value, String help) {
        return new Column(key, label, Kind.SUM, rows, null, value, help);
    }

    static Column seconds(String key, String label, String rows, String seconds, String help) {
        return new Column(key, label, Kind.SECONDS, rows, null, seconds, help);
    }

    static Column average(String key, String label, String rows, String seconds, String help) {
        return new Column(key, label, Kind.AVERAGE, rows, null, seconds, help);
    }

    static Column max(String key, String label, String rows, String seconds, String help) {
        return new Column(key, label, Kind.MAX, rows, null, seconds, help);
    }

    static Column percent(String key, String label, String rows, String numerator, String help) {
        return new Column(key, label, Kind.PERCENT, rows, numerator, null, help);
    }

    /** A share of seconds: the seconds of the {@code numerator} rows ÷ the seconds of all {@code rows}. */
    static Column secondsShare(String key, String label, String rows, String numerator, String seconds, String help) {
        return new Column(key, label, Kind.PERCENT, rows, numerator, seconds, help);
    }

    static Column distinct(String key, String label, String rows, String value, String help) {
        return new Column(key, label, Kind.DISTINCT, rows, null, value, help);
    }

    /** The aggregate as SQL. */
    String sql() {
        String where = " filter (where " + rows + ")";
        return switch (kind) {
            case COUNT -> "count(*)" + where;
            case SUM -> "coalesce(sum(" + value + ")" + where + ", 0)";
            case SECONDS -> "round(coalesce(sum(" + value + ")" + where + ", 0)::numeric, 1)";
            case AVERAGE -> "round((avg(" + value + ")" + where + ")::numeric, 1)";
            case MAX -> "round((max(" + value + ")" + where + ")::numeric, 1)";
            case PERCENT -> value == null
                    ? "round(100.0 * count(*) filter (where (" + rows + ") and (" + numerator + ")) / nullif(count(*)"
                      + where + ", 0), 2)"
                    : "round((100.0 * sum(" + value + ") filter (where (" + rows + ") and (" + numerator + ")) / nullif(sum("
                      + value + ")" + where + ", 0))::numeric, 2)";
            case DISTINCT -> "count(distinct " + value + ")" + where;
        };
    }

    /** The predicate of the rows behind a figure of this column: a percentage opens its numerator's rows. */
    String recordsPredicate() {
        return kind == Kind.PERCENT ? "(" + rows + ") and (" + numerator + ")" : rows;
    }

    boolean hasRecords() {
        return kind != Kind.DISTINCT;
    }

    /** A figure of this column when the rows are empty (a half hour without calls): zero for counts, none for rates. */
    Object empty() {
        return kind == Kind.COUNT || kind == Kind.SUM || kind == Kind.SECONDS || kind == Kind.DISTINCT ? 0 : null;
    }
}
