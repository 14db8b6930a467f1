package org.openhotline.reporting.internal.reports;

import java.time.ZoneId;

/**
 * What a report's rows are keyed by. The key's SQL is over the aliases of the report's {@link Base} ({@code c} calls,
 * {@code o} orders, {@code a} assignments, {@code b} callbacks, {@code l} lights, {@code v} voicemails); time keys are
 * local times of the installation's zone.
 */
enum Dim {
    PERIOD("period", "日期"),
    HALF_HOUR("halfHour", "时段"),
    HOUR("hour", "时段"),
    AGENT("agent", "坐席"),
    GROUP("group", "技能组"),
    VOICEMAIL_GROUP("group", "技能组"),
    CHANNEL("channel", "渠道"),
    APPEAL_TYPE("appealType", "诉求类型"),
    CATEGORY("category", "诉求分类"),
    REGION("region", "区县"),
    UNIT("unit", "承办单位"),
    GRADE("grade", "评价"),
    STAGE("stage", "环节");

    /** The key's name in the API's rows and in the records' query ({@code k.<name>}). */
    final String key;
    final String label;

    Dim(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key as SQL over {@code base}; the zone is a validated zone id written as a literal. */
    String sql(Base base, Granularity granularity, ZoneId zone) {
        String local = base.period() + " at time zone '" + zoneLiteral(zone) + "'";
        return switch (this) {
            case PERIOD -> switch (granularity) {
                case DAY, TOTAL -> "to_char(" + local + ", 'YYYY-MM-DD')";
                case WEEK -> "to_char(date_trunc('week', " + local + "), 'YYYY-MM-DD')";
                case MONTH -> "to_char(" + local + ", 'YYYY-MM')";
            };
            case HALF_HOUR -> "to_char(" + local + ", 'HH24') || case when extract(minute from " + local
                    + ") < 30 then ':00' else ':30' end";
            case HOUR -> "to_char(" + local + ", 'HH24') || ':00'";
            case AGENT -> base.agent() + "::text";
            case GROUP -> "c.group_id::text";
            case VOICEMAIL_GROUP -> "v.group_id::text";
            case CHANNEL -> "o.channel";
            case APPEAL_TYPE -> "o.appeal_type";
            case CATEGORY -> "o.category_id::text";
            case REGION -> "nullif(split_part(o.region_path, '/', 4), '')";
            case UNIT -> "a.unit_id::text";
            case GRADE -> "b.satisfaction";
            case STAGE -> "l.stage";
        };
    }

    private static String zoneLiteral(ZoneId zone) {
        String id = zone.getId();
        if (!id.matches("[A-Za-z0-9/_+\\-]+")) {
            throw new IllegalStateException("unexpected time zone id " + id);
        }
        return id;
    }
}
