package org.openhotline.workorder.internal.categories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code wo_category}: the 3–4 level appeal taxonomy (诉求分类) behind the intake cascader. */
@Repository
public class Categories {

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Category(long id, Long parentId, String name, int level, String path, int sortOrder, boolean enabled,
                    int version, List<Category> children) {}

    List<Category> tree(boolean includeDisabled) {
        List<Category> flat = jdbc.sql("select * from wo_category where enabled or :all order by level, sort_order, id")
                .param("all", includeDisabled)
                .query((rs, n) -> {
                    long parent = rs.getLong("parent_id");
                    Long parentId = rs.wasNull() ? null : parent;
                    return new Category(rs.getLong("id"), parentId, rs.getString("name"), rs.getInt("level"),
                            rs.getString("path"), rs.getInt("sort_order"), rs.getBoolean("enabled"), rs.getInt("version"),
                            new ArrayList<>());
                }).list();
        Map<Long, Category> byId = new HashMap<>();
        List<Category> roots = new ArrayList<>();
        for (Category c : flat) {
            byId.put(c.id(), c);
            Category parent = c.parentId() == null ? null : byId.get(c.parentId());
            (parent == null ? roots : parent.children()).add(c);
        }
        return roots;
    }

    /** The category and its ancestors, nearest first; refuses unknown or disabled categories. */
    public List<Long> pathOf(long id) {
        var row = jdbc.sql("select path, enabled from wo_category where id = ?").param(id)
                .query((rs, n) -> Map.entry(rs.getString("path"), rs.getBoolean("enabled"))).optional()
                .orElseThrow(() -> DomainException.invalid("所选诉求分类不存在"));
        if (!row.getValue()) {
            throw DomainException.invalid("所选诉求分类已停用");
        }
        List<Long> ids = new ArrayList<>(Arrays.stream(row.getKey().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList());
        Collections.reverse(ids);
        return ids;
    }

    public String pathNames(Long id) {
        if (id == null) {
            return null;
        }
        return jdbc.sql("""
                select string_agg(p.name, ' > ' order by p.level) from wo_category c
                  join wo_category p on c.path like p.path || '%' where c.id = ?""")
                .param(id).query(String.class).optional().orElse(null);
    }

    Category create(Long parentId, String name, int sortOrder) {
        String parentPath = "/";
        int level = 1;
        if (parentId != null) {
            var parent = jdbc.sql("select path, level from wo_category where id = ?").param(parentId)
                    .query((rs, n) -> Map.entry(rs.getString("path"), rs.getInt("level"))).optional()
                    .orElseThrow(() -> DomainException.invalid("上级分类不存在"));
            if (parent.getValue() >= 4) {
                throw DomainException.invalid("诉求分类最多四级");
            }
            parentPath = parent.getKey();
            level = parent.getValue() + 1;
        }
        long id = jdbc.sql("select nextval('wo_category_id_seq')").query(Long.class).single();
        jdbc.sql("insert into wo_category (id, parent_id, name, level, path, sort_order) values (?, ?, ?, ?, ?, ?)")
                .params(id, parentId, name, level, parentPath + id + "/", sortOrder).update();
        return find(id);
    }

    Category update(long id, int version, String name, int sortOrder, boolean enabled) {
        int rows = jdbc.sql("""
                update wo_category set name = ?, sort_order = ?, enabled = ?, version = version + 1
                 where id = ? and version = ?""").params(name, sortOrder, enabled, id, version).update();
        if (rows == 0) {
            throw DomainException.conflict("该分类已被他人修改，请刷新后重试");
        }
        return find(id);
    }

    private Category find(long id) {
        return jdbc.sql("select * from wo_category where id = ?").param(id)
                .query((rs, n) -> {
                    long parent = rs.getLong("parent_id");
                    Long parentId = rs.wasNull() ? null : parent;
                    return new Category(rs.getLong("id"), parentId, rs.getString("name"), rs.getInt("level"),
                            rs.getString("path"), rs.getInt("sort_order"), rs.getBoolean("enabled"), rs.getInt("version"),
                            List.of());
                }).optional().orElseThrow(() -> DomainException.notFound("分类不存在"));
    }
}
