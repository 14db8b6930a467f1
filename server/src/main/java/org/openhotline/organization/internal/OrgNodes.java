package org.openhotline.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.OrgNodeKind;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for table {@code org_node}. Scope filters are a prefix match on {@code path} (index org_node_path). */
@Repository
public class OrgNodes {

    private static final String COLUMNS = """
            id, parent_id, kind, code, name, path, depth, duties, contact_person, contact_phone, address,
            enabled, sort_order, version""";

    private final JdbcClient jdbc;
    private final Clock clock;

    OrgNodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<OrgNode> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from org_node where id = ?").param(id).query(OrgNodes::map).optional();
    }

    public Optional<OrgNode> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from org_node where code = ?").param(code).query(OrgNodes::map).optional();
    }

    public List<OrgNode> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from org_node where id in (:ids)").param("ids", ids)
                .query(OrgNodes::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from org_node").query(Long.class).single();
    }

    /** Every node under (and including) the scope root, parents before children. */
    public List<OrgNode> subtree(String scopePath, Collection<OrgNodeKind> kinds) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from org_node where path like :scope || '%' and kind in (:kinds)
                         order by depth, sort_order, id""")
                .param("scope", scopePath)
                .param("kinds", kinds.stream().map(Enum::name).toList())
                .query(OrgNodes::map).list();
    }

    /** Search by name or duty (the yellow pages), within the caller's scope. */
    public PageResult<OrgNode> search(String scopePath, String text, Collection<OrgNodeKind> kinds, Boolean enabled,
                                      int page, int size) {
        String where = """
                 where path like :scope || '%' and kind in (:kinds)
                   and (:text = '' or name ilike '%' || :text || '%' or duties ilike '%' || :text || '%'
                        or code ilike :text || '%')
                   and (cast(:enabled as boolean) is null or enabled = cast(:enabled as boolean))""";
        String q = text == null ? "" : text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        var kindNames = kinds.stream().map(Enum::name).toList();
        long total = jdbc.sql("select count(*) from org_node " + where)
                .param("scope", scopePath).param("kinds", kindNames).param("text", q).param("enabled", enabled)
                .query(Long.class).single();
        List<OrgNode> items = jdbc.sql("select " + COLUMNS + " from org_node " + where
                        + " order by depth, sort_order, id limit :size offset :offset")
                .param("scope", scopePath).param("kinds", kindNames).param("text", q).param("enabled", enabled)
                .param("size", size).param("offset", PageResult.offset(page, size))
                .query(OrgNodes::map).list();
        return new PageResult<>(items, total, page, size);
    }

    /** Enabled units whose name or duties contain the most of {@code words} (the yellow pages, 部门黄页). */
    public List<OrgNode> unitsMatching(List<String> words, int limit) {
        List<String> used = words.stream().filter(w -> !w.isBlank()).limit(8).toList();
        if (used.isEmpty()) {
            return List.of();
        }
        StringBuilder score = new StringBuilder("0");
        for (int i = 0; i < used.size(); i++) {
            score.append(" + (case when name || ' ' || coalesce(duties, '') ilike :w").append(i)
                    .append(" then 1 else 0 end)");
        }
        var spec = jdbc.sql("select " + COLUMNS + " from (select *, " + score + " as hits from org_node"
                + " where kind = 'UNIT' and enabled) u where hits > 0 order by hits desc, depth, sort_order, id limit :limit");
        for (int i = 0; i < used.size(); i++) {
            String w = used.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            spec = spec.param("w" + i, "%" + w + "%");
        }
        return spec.param("limit", limit).query(OrgNodes::map).list();
    }

    public OrgNode insert(OrgNode parent, NewNode n) {
        var now = OffsetDateTime.now(clock);
        long id = jdbc.sql("select nextval('org_node_id_seq')").query(Long.class).single();
        String path = (parent == null ? "/" : parent.path()) + id + "/";
        jdbc.sql("""
                insert into org_node (id, parent_id, kind, code, name, path, depth, duties, contact_person,
                                      contact_phone, address, sort_order, created_at, updated_at)
                values (:id, :parent, :kind, :code, :name, :path, :depth, :duties, :person, :phone, :address,
                        :sort, :now, :now)""")
                .param("id", id).param("parent", parent == null ? null : parent.id())
                .param("kind", n.kind().name()).param("code", n.code()).param("name", n.name())
                .param("path", path).param("depth", parent == null ? 0 : parent.depth() + 1)
                .param("duties", n.duties()).param("person", n.contactPerson()).param("phone", n.contactPhone())
                .param("address", n.address()).param("sort", n.sortOrder()).param("now", now)
                .update();
        return find(id).orElseThrow();
    }

    /** Optimistic update: the row changes only if nobody changed it since {@code version} was read. */
    public OrgNode update(long id, int version, EditNode e) {
        int rows = jdbc.sql("""
                update org_node set name = :name, duties = :duties, contact_person = :person,
                       contact_phone = :phone, address = :address, sort_order = :sort,
                       version = version + 1, updated_at = :now
                 where id = :id and version = :version""")
                .param("name", e.name()).param("duties", e.duties()).param("person", e.contactPerson())
                .param("phone", e.contactPhone()).param("address", e.address()).param("sort", e.sortOrder())
                .param("now", OffsetDateTime.now(clock)).param("id", id).param("version", version)
                .update();
        if (rows == 0) {
            throw DomainException.conflict("该机构已被他人修改，请刷新后重试");
        }
        return find(id).orElseThrow();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update org_node set enabled = :enabled, version = version + 1, updated_at = :now where id = :id")
                .param("enabled", enabled).param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    public boolean hasEnabledChildren(long id) {
        return jdbc.sql("select exists(select 1 from org_node where parent_id = ? and enabled)").param(id)
                .query(Boolean.class).single();
    }

    public record NewNode(OrgNodeKind kind, String code, String name, String duties, String contactPerson,
                          String contactPhone, String address, int sortOrder) {}

    public record EditNode(String name, String duties, String contactPerson, String contactPhone, String address,
                           int sortOrder) {}

    static OrgNode map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        return new OrgNode(rs.getLong("id"), rs.wasNull() ? null : parent, OrgNodeKind.valueOf(rs.getString("kind")),
                rs.getString("code"), rs.getString("name"), rs.getString("path"), rs.getInt("depth"),
                rs.getString("duties"), rs.getString("contact_person"), rs.getString("contact_phone"),
                rs.getString("address"), rs.getBoolean("enabled"), rs.getInt("sort_order"), rs.getInt("version"));
    }
}
