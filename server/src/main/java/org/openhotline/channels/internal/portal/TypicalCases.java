package org.openhotline.channels.internal.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.PortalOrders;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 典型案例: closed orders an editor publishes on the portal. The draft is the order's title, appeal and reply with
 * personal data taken out ({@link PersonalData}); the editor may rewrite them, and what is saved is scrubbed again.
 * Only orders the editor sees and that are closed can be published.
 */
@Service
class TypicalCases {

    public record TypicalCase(long id, String number, String title, String appeal, String reply, String categoryName,
                              Instant publishedAt, int version) {}

    public record Draft(String number, String title, String appeal, String reply, String categoryName) {}

    private final PortalOrders orders;
    private final JdbcClient jdbc;
    private final Clock clock;

    TypicalCases(PortalOrders orders, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Draft draft(String number, StaffPrincipal editor) {
        PortalOrders.PublicOrder o = closedOrder(number, editor);
        String name = callerName(o.id());
        return new Draft(o.number(), PersonalData.scrub(o.title(), name), PersonalData.scrub(o.content(), name),
                PersonalData.scrub(o.reply(), name), o.categoryName());
    }

    @Transactional
    public TypicalCase publish(String number, String title, String appeal, String reply, StaffPrincipal editor) {
        PortalOrders.PublicOrder o = closedOrder(number, editor);
        String name = callerName(o.id());
        try {
            long id = jdbc.sql("""
                    insert into ch_typical_case (work_order_id, title, appeal, reply, category_name, published_by, published_at)
                    values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(o.id(), PersonalData.scrub(title.strip(), name), PersonalData.scrub(appeal.strip(), name),
                            PersonalData.scrub(reply.strip(), name), o.categoryName(), editor.username(),
                            Timestamp.from(clock.instant()))
                    .query(Long.class).single();
            return find(id);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("工单 " + o.number() + " 已发布为典型案例");
        }
    }

    @Transactional
    public void withdraw(long id, int version) {
        int rows = jdbc.sql("delete from ch_typical_case where id = ? and version = ?").params(id, version).update();
        if (rows == 0) {
            throw DomainException.conflict("该案例已被他人修改或撤下，请刷新后重试");
        }
    }

    public List<TypicalCase> published(String query, int limit) {
        StringBuilder sql = new StringBuilder("""
                select t.id, w.number, t.title, t.appeal, t.reply, t.category_name, t.published_at, t.version
                  from ch_typical_case t join work_order w on w.id = t.work_order_id where t.published""");
        List<Object> params = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            sql.append(" and (t.title || ' ' || t.appeal || ' ' || t.reply) ilike ? escape '\\'");
            params.add("%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by t.published_at desc, t.id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new TypicalCase(rs.getLong("id"),
                rs.getString("number"), rs.getString("title"), rs.getString("appeal"), rs.getString("reply"),
                rs.getString("category_name"), rs.getTimestamp("published_at").toInstant(), rs.getInt("version"))).list();
    }

    private TypicalCase find(long id) {
        return published(null, 1000).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    private PortalOrders.PublicOrder closedOrder(String number, StaffPrincipal editor) {
        PortalOrders.PublicOrder o = orders.visibleTo(number.strip(), editor)
                .orElseThrow(() -> DomainException.notFound("工单不存在或不在您的权限范围内"));
        if (!"CLOSED".equals(o.state()) || o.reply() == null) {
            throw DomainException.conflict("只有已办结并有答复的工单可以发布为典型案例");
        }
        return o;
    }

    /** The caller's name, sealed at rest (ADR 041), to scrub it from what the portal publishes. */
    private String callerName(long orderId) {
        return org.openhotline.shared.crypto.PersonalData.open(jdbc.sql("select caller_name from work_order where id = ?")
                .param(orderId).query(String.class).optional().orElse(null));
    }
}
