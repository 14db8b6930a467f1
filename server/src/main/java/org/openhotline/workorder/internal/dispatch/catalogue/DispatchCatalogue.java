package org.openhotline.workorder.internal.dispatch.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tables {@code wo_dispatch_rule} (the draft the manager edits) and {@code wo_dispatch_catalogue} (published versions).
 * Matching reads only the latest published version, so a half-edited draft never steers a dispatch; every version stays,
 * so a dispatch's basis names the rule and the version it came from.
 */
@Component
public class DispatchCatalogue {

    /** A published version of the catalogue. Version 0: nothing published yet. */
    public record Release(int version, List<DispatchRule> rules, Instant publishedAt, String publishedBy, String note) {}

    public record RuleDraft(String name, Long categoryId, Long regionId, String appealType, List<String> keywords,
                            long mainUnitId, boolean local, List<Long> assistingUnitIds, String note, boolean enabled) {}

    private static final String SELECT = """
            select r.*, c.path as category_path, null::varchar as region_path from wo_dispatch_rule r
              left join wo_category c on c.id = r.category_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final RegionPaths regions;
    private volatile Release current;

    DispatchCatalogue(JdbcClient jdbc, JsonMapper json, Clock clock, RegionPaths regions) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.regions = regions;
    }

    public List<DispatchRule> drafts() {
        return jdbc.sql(SELECT + " order by r.position, r.id").query(this::map).list();
    }

    public DispatchRule draft(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("派单规则不存在"));
    }

    @Transactional
    public DispatchRule create(RuleDraft d, String by) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from wo_dispatch_rule").query(Integer.class).single();
        long id = jdbc.sql("""
                insert into wo_dispatch_rule (position, name, category_id, region_id, appeal_type, keywords, main_unit_id,
                       local, assisting_unit_ids, note, enabled, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(position, d.name(), d.categoryId(), d.regionId(), d.appealType(), d.keywords().toArray(String[]::new),
                        d.mainUnitId(), d.local(), d.assistingUnitIds().toArray(Long[]::new), d.note(), d.enabled(), by,
                        java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return draft(id);
    }

    @Transactional
    public DispatchRule update(long id, int version, RuleDraft d, String by) {
        int rows = jdbc.sql("""
                update wo_dispatch_rule set name = ?, category_id = ?, region_id = ?, appeal_type = ?, keywords = ?,
                       main_unit_id = ?, local = ?, assisting_unit_ids = ?, note = ?, enabled = ?, updated_by = ?,
                       updated_at = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(d.name(), d.categoryId(), d.regionId(), d.appealType(), d.keywords().toArray(String[]::new),
                        d.mainUnitId(), d.local(), d.assistingUnitIds().toArray(Long[]::new), d.note(), d.enabled(), by,
                        java.sql.Timestamp.from(clock.instant()), id, version)
                .update();
        requireOne(id, rows);
        return draft(id);
    }

    @Transactional
    public void delete(long id, int version) {
        requireOne(id, jdbc.sql("delete from wo_dispatch_rule where id = ? and version = ?").params(id, version).update());
    }

    /** Moves a rule to {@code position} (1-based) and renumbers the others; order is what decides which rule wins. */
    @Transactional
    public List<DispatchRule> move(long id, int version, int position) {
        List<DispatchRule> rules = new java.util.ArrayList<>(drafts());
        DispatchRule rule = rules.stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> DomainException.notFound("派单规则不存在"));
        if (rule.version() != version) {
            throw DomainException.conflict("该规则已被他人修改，请刷新后重试");
        }
        rules.remove(rule);
        rules.add(Math.clamp(position - 1, 0, rules.size()), rule);
        for (int i = 0; i < rules.size(); i++) {
            jdbc.sql("update wo_dispatch_rule set position = ? where id = ?").params(i + 1, rules.get(i).id()).update();
        }
        jdbc.sql("update wo_dispatch_rule set version = version + 1 where id = ?").param(id).update();
        return drafts();
    }

    private void requireOne(long id, int rows) {
        if (rows == 0) {
            draft(id);
            throw DomainException.conflict("该规则已被他人修改，请刷新后重试");
        }
    }

    /** Publishes the draft as the next version; from now on dispatch follows it. */
    @Transactional
    public Release publish(String note, String by) {
        jdbc.sql("lock table wo_dispatch_catalogue in exclusive mode").update();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from wo_dispatch_catalogue").query(Integer.class).single();
        List<DispatchRule> rules = drafts().stream().map(regions::withRegionPath).toList();
        Instant now = clock.instant();
        jdbc.sql("insert into wo_dispatch_catalogue (version, rules, rule_count, note, published_by, published_at) values (?, ?::jsonb, ?, ?, ?, ?)")
                .params(version, json.writeValueAsString(rules), rules.size(), note, by, java.sql.Timestamp.from(now)).update();
        current = null;
        return current();
    }

    /** The latest published version (cached; a publish in this process clears the cache, others refresh it). */
    public Release current() {
        Release r = current;
        if (r == null) {
            r = jdbc.sql("select * from wo_dispatch_catalogue order by version desc limit 1").query((rs, n) -> new Release(
                    rs.getInt("version"), json.readValue(rs.getString("rules"), new TypeReference<List<DispatchRule>>() {}),
                    rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"), rs.getString("note")))
                    .optional().orElse(new Release(0, List.of(), null, null, null));
            current = r;
        }
        return r;
    }

    /** Forgets the cached version (another instance may have published). */
    public void refresh() {
        current = null;
    }

    public record ReleaseRow(int version, int ruleCount, String note, String publishedBy, Instant publishedAt) {}

    public List<ReleaseRow> releases() {
        return jdbc.sql("select version, rule_count, note, published_by, published_at from wo_dispatch_catalogue order by version desc limit 50")
                .query((rs, n) -> new ReleaseRow(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    private DispatchRule map(ResultSet rs, int n) throws SQLException {
        return new DispatchRule(rs.getLong("id"), rs.getInt("position"), rs.getString("name"),
                rs.getObject("category_id", Long.class), rs.getString("category_path"), rs.getObject("region_id", Long.class),
                rs.getString("region_path"), rs.getString("appeal_type"), List.of((String[]) array(rs.getArray("keywords"))),
                rs.getLong("main_unit_id"), rs.getBoolean("local"), List.of((Long[]) array(rs.getArray("assisting_unit_ids"))),
                rs.getString("note"), rs.getBoolean("enabled"), rs.getInt("version"));
    }

    private static Object[] array(Array a) throws SQLException {
        return a == null ? new Object[0] : (Object[]) a.getArray();
    }

    /** The category's materialized path, or null when there is no such category. */
    public String categoryPath(long categoryId) {
        return jdbc.sql("select path from wo_category where id = ?").param(categoryId).query(String.class).optional().orElse(null);
    }

    static List<String> cleanKeywords(List<String> keywords) {
        return keywords == null ? List.of() : keywords.stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
    }

    static List<Long> distinct(List<Long> ids) {
        return ids == null ? List.of() : Arrays.asList(ids.stream().distinct().toArray(Long[]::new));
    }
}
