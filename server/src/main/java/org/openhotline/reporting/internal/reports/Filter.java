package org.openhotline.reporting.internal.reports;

import java.util.List;
import java.util.Map;

/**
 * A filter of a report beyond period, org and granularity: a skill group, a channel, an appeal type, or {@code by}
 * (which dimension the rows are keyed by). {@code sql} narrows the rows with the named parameter {@code :f_<name>};
 * {@code options} are the values allowed (code → Chinese), null when they come from the facts (skill groups).
 */
record Filter(String name, String label, String sql, Map<String, String> options) {

    static final Map<String, String> CHANNELS = Labels.CHANNELS;
    static final Map<String, String> APPEAL_TYPES = Labels.APPEAL_TYPES;

    static Filter skillGroup() {
        return new Filter("group", "技能组", "c.group_id = :f_group", null);
    }

    static Filter voicemailGroup() {
        return new Filter("group", "技能组", "v.group_id = :f_group", null);
    }

    static Filter channel() {
        return new Filter("channel", "渠道", "o.channel = :f_channel", CHANNELS);
    }

    static Filter appealType() {
        return new Filter("appealType", "诉求类型", "o.appeal_type = :f_appealType", APPEAL_TYPES);
    }

    boolean numeric() {
        return options == null;
    }

    List<Map.Entry<String, String>> optionList() {
        return options == null ? List.of() : List.copyOf(options.entrySet());
    }
}
