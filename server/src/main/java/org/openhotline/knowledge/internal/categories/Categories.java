package org.openhotline.knowledge.internal.categories;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code kb_category}; the tree is small (tens of rows) and read whole. */
@Repository
public class Categories {

    private static final String COLUMNS = """
            id, parent_id, name, visibility, owner_node_id, owner_path, read_roles, edit_roles, review_required,
            sort_order, version""";

    private static final long CACHE_NANOS = 2_000_000_000L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot cache;

    /** Every search filters by the categories the caller reads: the small table is read at most every 2 s. */
    private record Snapshot(List<Category> all, long readAt) {}

    Categories(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Category> all() {
        Snapshot s = cache;
        if (s == null || System.nanoTime() - s.readAt() > CACHE_NANOS) {
            s = new Snapshot(List.copyOf(jdbc.sql("select " + COLUMNS + " from kb_category order by sort_order, id")
                    .query(Categories::map).list()), System.nanoTime());
            cache = s;
        }
        return s.all();
    }

    public Optional<Category> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from kb_category where id = ?").param(id).query(Categories::map).optional();
    }

    public Category get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("栏目不存在"));
    }

    /** The category, refused unless {@code allowed} holds for the caller; absent and forbidden look the same. */
    public Category visible(long id, StaffPrincipal caller, Predicate<Category> allowed, String refusal) {
        Category c = get(id);
        if (!c.canRead(caller)) {
            throw DomainException.notFound("栏目不存在");
        }
        if (!allowed.test(c)) {
            throw DomainException.forbidden(refusal);
        }
        return c;
    }

    public Set<Long> readableIds(StaffPrincipal caller) {
        return all().stream().filter(c -> c.canRead(caller)).map(Category::id).collect(java.util.stream.Collectors.toSet());
    }

    public long count() {
        return jdbc.sql("select count(*) from kb_category").query(Long.class).single();
    }

    public Category insert(Category c) {
        long id = jdbc.sql("""
                insert into kb_category (parent_id, name, visibility, owner_node_id, owner_path, read_roles, edit_roles,
                                         review_required, sort_order, created_at)
                values (:parent, :name, :visibility, :ownerId, :ownerPath, :read, :edit, :review, :sort, :now)
                returning id""")
                .param("parent", c.parentId()).param("name", c.name()).param("visibility", c.visibility().name())
                .param("ownerId", c.ownerNodeId()).param("ownerPath", c.ownerPath())
                .param("read", String.join(",", c.readRoles())).param("edit", String.join(",", c.editRoles()))
                .param("review", c.reviewRequired()).param("sort", c.sortOrder()).param("now", OffsetDateTime.now(clock))
                .query(Long.class).single();
        cache = null;
        return get(id);
    }

    public Category update(Category c) {
        int rows = jdbc.sql("""
                update kb_category set name = :name, visibility = :visibility, owner_node_id = :ownerId,
                       owner_path = :ownerPath, read_roles = :read, edit_roles = :edit, review_required = :review,
                       sort_order = :sort, version = version + 1
                 where id = :id and version = :version""")
                .param("name", c.name()).param("visibility", c.visibility().name())
                .param("ownerId", c.ownerNodeId()).param("ownerPath", c.ownerPath())
                .param("read", String.join(",", c.readRoles())).param("edit", String.join(",", c.editRoles()))
                .param("review", c.reviewRequired()).param("sort", c.sortOrder())
                .param("id", c.id()).param("version", c.version()).update();
        if (rows == 0) {
            throw DomainException.conflict("该栏目已被他人修改，请刷新后重试");
        }
        cache = null;
        return get(c.id());
    }

    static Category map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        long owner = rs.getLong("owner_node_id");
        Long ownerId = rs.wasNull() ? null : owner;
        return new Category(rs.getLong("id"), parentId, rs.getString("name"),
                Category.Visibility.valueOf(rs.getString("visibility")), ownerId, rs.getString("owner_path"),
                Category.roles(rs.getString("read_roles")), Category.roles(rs.getString("edit_roles")),
                rs.getBoolean("review_required"), rs.getInt("sort_order"), rs.getInt("version"));
    }
}
