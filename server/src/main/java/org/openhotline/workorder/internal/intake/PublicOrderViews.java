package org.openhotline.workorder.internal.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.workorder.PortalOrders.PublicOrder;
import org.openhotline.workorder.PortalOrders.PublicStep;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.Channel;
import org.openhotline.workorder.internal.values.OrderState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.openhotline.shared.crypto.PersonalData;

/**
 * The public face of an order (办理进度, 53号文): the steps a citizen may see, each as a fixed public sentence — the
 * timeline's notes name staff, instructions and internal opinions, so none of them is shown — and the answer the
 * citizen got: the main unit's latest reply or the hotline's direct reply.
 */
@Component
class PublicOrderViews {

    /** Timeline actions shown to the citizen, in public words; every other action stays internal. */
    static final Map<String, String> PUBLIC_STEPS = Map.ofEntries(
            Map.entry("created", "诉求已受理"),
            Map.entry("dispatched", "已转交承办单位办理"),
            Map.entry("collaboration", "已转交承办单位协同办理"),
            Map.entry("redispatched", "已转交承办单位办理"),
            Map.entry("signed", "承办单位已签收"),
            Map.entry("replied", "承办单位已答复"),
            Map.entry("reply-accepted", "答复已审核，等待回访"),
            Map.entry("callback", "已回访"),
            Map.entry("reopened", "群众不满意，重新办理"),
            Map.entry("reopen-requested", "群众申请重办，已转回访核实并督办"),
            Map.entry("direct-reply", "热线已直接答复"),
            Map.entry("extension-approved", "办理期限已延长"),
            Map.entry("supervised", "已督办"),
            Map.entry("supplemented", "已补充诉求内容"),
            Map.entry("urged", "已催办"),
            Map.entry("forwarded", "已转其他平台办理"),
            Map.entry("merged", "已与相同诉求合并办理"),
            Map.entry("withdrawn", "已撤销"),
            Map.entry("closed", "已办结"));

    private static final String SELECT = """
            select w.id, w.number, w.title, w.content, w.channel, w.state, w.address, w.created_at, w.closed_at,
                   w.caller_phone, w.direct_reply, w.category_id, c.name as category_name,
                   r.reply, r.unit_name, r.replied_at
              from work_order w
              left join wo_category c on c.id = w.category_id
              left join lateral (select a.reply, a.unit_name, a.replied_at from wo_assignment a
                                  where a.work_order_id = w.id and a.role = 'MAIN' and a.replied_at is not null
                                  order by a.replied_at desc limit 1) r on true
            """;

    private final JdbcClient jdbc;

    PublicOrderViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PublicOrder> byNumber(String number) {
        return jdbc.sql(SELECT + " where w.number = ?").param(number).query(this::map).optional().map(this::withSteps);
    }

    Optional<PublicOrder> byId(long id) {
        return jdbc.sql(SELECT + " where w.id = ?").param(id).query(this::map).optional().map(this::withSteps);
    }

    List<PublicOrder> byIds(java.util.Collection<Long> ids) {
        return jdbc.sql(SELECT + " where w.id = any(?)").param(ids.toArray(Long[]::new)).query(this::map).list();
    }

    List<PublicOrder> ofPhone(String phone, int limit) {
        return jdbc.sql(SELECT + " where w.caller_phone_index = ? and w.state <> 'MERGED' order by w.created_at desc limit ?")
                .params(PersonalData.phoneIndex(phone), limit).query(this::map).list();
    }

    private PublicOrder withSteps(PublicOrder o) {
        List<PublicStep> steps = jdbc.sql("select at, action from wo_timeline where work_order_id = ? order by at, id")
                .param(o.id())
                .query((rs, n) -> {
                    String label = PUBLIC_STEPS.get(rs.getString("action"));
                    return label == null ? null : new PublicStep(WorkOrders.instant(rs, "at"), label);
                })
                .list().stream().filter(s -> s != null).toList();
        return new PublicOrder(o.id(), o.number(), o.title(), o.content(), o.channel(), o.state(), o.stateLabel(),
                o.categoryName(), o.address(), o.createdAt(), o.closedAt(), o.reply(), o.replyUnit(), o.repliedAt(), steps,
                o.phone(), o.awaitingRating(), o.categoryId());
    }

    private PublicOrder map(ResultSet rs, int n) throws SQLException {
        OrderState state = OrderState.valueOf(rs.getString("state"));
        String direct = rs.getString("direct_reply");
        String reply = rs.getString("reply");
        Channel channel = Channel.valueOf(rs.getString("channel"));
        return new PublicOrder(rs.getLong("id"), rs.getString("number"), rs.getString("title"), rs.getString("content"),
                channel.label(), state.name(), state.label(), rs.getString("category_name"), PersonalData.open(rs.getString("address")),
                WorkOrders.instant(rs, "created_at"), WorkOrders.instant(rs, "closed_at"),
                reply != null ? reply : direct, reply != null ? rs.getString("unit_name") : (direct != null ? "12345热线" : null),
                reply != null ? WorkOrders.instant(rs, "replied_at") : null, List.of(), PersonalData.open(rs.getString("caller_phone")),
                state == OrderState.PENDING_CALLBACK, (Long) rs.getObject("category_id"));
    }
}
