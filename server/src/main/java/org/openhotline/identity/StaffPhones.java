package org.openhotline.identity;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Mobile numbers of staff for work messages (deadline reminders by SMS): only enabled accounts that hold the
 * permission and have a number on file.
 */
@Service
public class StaffPhones {

    private final JdbcClient jdbc;

    StaffPhones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Numbers of the enabled accounts at {@code orgNodeId} (not below) whose roles grant {@code permission}. */
    public List<String> atNodeWith(long orgNodeId, String permission) {
        return jdbc.sql("""
                select distinct a.phone from account a
                 where a.org_node_id = ? and a.enabled and a.phone is not null and a.phone <> ''
                   and exists (select 1 from account_role r join role_permission p on p.role = r.role
                                where r.account_id = a.id and p.permission = ?)
                 order by a.phone""")
                .params(orgNodeId, permission).query(String.class).list();
    }
}
