package org.openhotline.reporting.internal.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.shared.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The saved report templates ({@code rpt_report_template}); a stale version or a second name of one owner is a 409. */
@Repository
class ReportTemplates {

    private static final String COLUMNS = """
            id, name, report_code, columns, by_dim, granularity, period, filters::text as filters, shared, owner_id,
            owner_name, created_at, updated_at, version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReportTemplates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The caller's own templates and the ones others shared, by name. */
    List<ReportTemplate> visibleTo(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from rpt_report_template where owner_id = ? or shared order by name, id")
                .param(accountId).query(this::row).list();
    }

    Optional<ReportTemplate> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from rpt_report_template where id = ?").param(id).query(this::row).optional();
    }

    ReportTemplate insert(ReportTemplate t) {
        try {
            long id = jdbc.sql("""
                            insert into rpt_report_template (name, report_code, columns, by_dim, granularity, period, filters,
                                                             shared, owner_id, owner_name, created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) returning id""")
                    .params(t.name(), t.reportCode(), String.join(",", t.columns()), t.by(), t.granularity(),
                            t.period().name(), json.writeValueAsString(t.filters()), t.shared(), t.ownerId(), t.ownerName(),
                            Timestamp.from(t.createdAt()), Timestamp.from(t.updatedAt()))
                    .query(Long.class).single();
            return find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw sameName(t.name());
        }
    }

    /** Replaces the template's settings if it is still at {@code version}; else 409. */
    ReportTemplate update(long id, int version, ReportTemplate t) {
        int changed;
        try {
            changed = jdbc.sql("""
                            update rpt_report_template
                               set name = ?, report_code = ?, columns = ?, by_dim = ?, granularity = ?, period = ?,
                                   filters = ?::jsonb, shared = ?, updated_at = ?, version = version + 1
                             where id = ? and version = ?""")
                    .params(t.name(), t.reportCode(), String.join(",", t.columns()), t.by(), t.granularity(),
                            t.period().name(), json.writeValueAsString(t.filters()), t.shared(),
                            Timestamp.from(t.updatedAt()), id, version)
                    .update();
        } catch (DuplicateKeyException e) {
            throw sameName(t.name());
        }
        if (changed == 0) {
            throw stale();
        }
        return find(id).orElseThrow();
    }

    void delete(long id, int version) {
        if (jdbc.sql("delete from rpt_report_template where id = ? and version = ?").params(id, version).update() == 0) {
            throw stale();
        }
    }

    private static DomainException sameName(String name) {
        return DomainException.conflict("已有名为“" + name + "”的模板，请换一个名称");
    }

    private static DomainException stale() {
        return DomainException.conflict("模板已被修改或删除，请刷新后重试");
    }

    private ReportTemplate row(ResultSet rs, int n) throws SQLException {
        String columns = rs.getString("columns");
        Map<String, String> filters = json.readValue(rs.getString("filters"), new TypeReference<Map<String, String>>() {});
        return new ReportTemplate(rs.getLong("id"), rs.getString("name"), rs.getString("report_code"),
                columns.isEmpty() ? List.of() : Arrays.asList(columns.split(",")), rs.getString("by_dim"),
                rs.getString("granularity"), ReportTemplate.Period.valueOf(rs.getString("period")), filters,
                rs.getBoolean("shared"), rs.getLong("owner_id"), rs.getString("owner_name"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
