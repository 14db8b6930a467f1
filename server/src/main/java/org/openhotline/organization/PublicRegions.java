package org.openhotline.organization;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The region tree (province … community) as the public may see it: ids, parents and names of enabled regions under
 * a root, for the citizens' place picker. Units, centers and workstations are not regions and never listed.
 */
@Service
public class PublicRegions {

    public record Region(long id, Long parentId, String kind, String name) {}

    private final JdbcClient jdbc;

    PublicRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The enabled regions strictly below the node with {@code rootCode}, parents before children. */
    public List<Region> below(String rootCode) {
        return jdbc.sql("""
                select n.id, n.parent_id, n.kind, n.name from org_node n, org_node root
                 where root.code = ? and n.path like root.path || '%' and n.id <> root.id and n.enabled
                   and n.kind in ('DISTRICT', 'STREET', 'COMMUNITY')
                 order by n.depth, n.sort_order, n.id""")
                .param(rootCode)
                .query((rs, i) -> new Region(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getString("kind"),
                        rs.getString("name")))
                .list();
    }
}
