package org.openhotline.reporting.internal.reports;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names for the row keys: agents (name and agent number), skill groups and categories (from the owners'
 * {@code rpt_source_*} views), units and districts, codes in Chinese, half hours as ranges.
 */
@Component
class ReportLabels {

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final Organization organization;

    ReportLabels(JdbcClient jdbc, StaffDirectory staff, Organization organization) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.organization = organization;
    }

    /** The rows with every key labelled. */
    List<ReportTables.Row> label(List<Dim> keys, List<ReportTables.Row> rows) {
        Map<Dim, Map<String, String>> names = new HashMap<>();
        for (Dim d : keys) {
            names.put(d, names(d, rows.stream().map(r -> r.keys().get(d.key)).filter(Objects::nonNull).distinct().toList()));
        }
        return rows.stream().map(r -> {
            Map<String, String> labels = new LinkedHashMap<>();
            for (Dim d : keys) {
                String key = r.keys().get(d.key);
                labels.put(d.key, key == null ? "未指定" : names.get(d).getOrDefault(key, fallback(d, key)));
            }
            return new ReportTables.Row(r.keys(), labels, r.values());
        }).toList();
    }

    /** Skill groups as filter options: id → name. */
    Map<String, String> skillGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        jdbc.sql("select group_id::text, name from rpt_source_skill_group order by name")
                .query(rs -> {
                    groups.put(rs.getString(1), rs.getString(2));
                });
        return groups;
    }

    private Map<String, String> names(Dim d, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = keys.stream().filter(k -> k.matches("\\d{1,18}")).map(Long::valueOf).toList();
        Map<String, String> names = new HashMap<>();
        switch (d) {
            case AGENT -> staff.byIds(ids).forEach(s -> names.put(String.valueOf(s.accountId()),
                    s.agentNo() == null ? s.displayName() : s.displayName() + "（" + s.agentNo() + "）"));
            case UNIT, REGION -> organization.nodes(ids).forEach(n -> names.put(String.valueOf(n.id()), label(n)));
            case GROUP, VOICEMAIL_GROUP -> names.putAll(skillGroups());
            case CATEGORY -> jdbc.sql("select category_id::text, name from rpt_source_category where category_id in (:ids)")
                    .param("ids", ids.isEmpty() ? List.of(-1L) : ids)
                    .query(rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
            case CHANNEL -> names.putAll(Labels.CHANNELS);
            case APPEAL_TYPE -> names.putAll(Labels.APPEAL_TYPES);
            case GRADE -> names.putAll(Labels.GRADES);
            case STAGE -> names.putAll(Labels.STAGES);
            case HALF_HOUR, HOUR -> keys.forEach(k -> names.put(k, k + "–" + end(k, d == Dim.HALF_HOUR ? 30 : 60)));
            case PERIOD -> { }
        }
        return names;
    }

    private static String label(OrgNode n) {
        return n.name();
    }

    private static String fallback(Dim d, String key) {
        return switch (d) {
            case GROUP, VOICEMAIL_GROUP -> "技能组 " + key;
            case CATEGORY -> "分类 " + key;
            case AGENT -> "坐席 " + key;
            default -> key;
        };
    }

    private static String end(String start, int minutes) {
        String[] hm = start.split(":");
        int end = Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]) + minutes;
        return "%02d:%02d".formatted(end / 60, end % 60);
    }
}
