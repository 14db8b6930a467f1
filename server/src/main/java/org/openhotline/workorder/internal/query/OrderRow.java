package org.openhotline.workorder.internal.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.openhotline.shared.Masking;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.AppealType;
import org.openhotline.workorder.internal.values.Channel;
import org.openhotline.workorder.internal.values.OrderState;
import org.openhotline.workorder.internal.values.Urgency;
import org.openhotline.shared.crypto.PersonalData;

/** One order in a list: what the screens show, with the caller masked for the viewer. */
public record OrderRow(long id, String number, String title, String state, String stateLabel, String light,
                       String appealType, String appealTypeLabel, String urgency, String urgencyLabel, String channel,
                       String channelLabel, String categoryName, String address, String callerName, String callerPhone,
                       boolean confidential, Instant createdAt, String mainUnitName, Instant dueAt, int urgeCount,
                       boolean supervised, boolean difficult, boolean followed, int version) {

    /**
     * Columns the row needs, for {@code select} lists over {@code work_order w}. The deadline shown is that of the
     * order's own stage (dispatch, callback) when it has one, else the main unit's handling deadline; a finished
     * order has none (a closed order must not count down into "overdue").
     */
    static final String COLUMNS = """
            w.id, w.number, w.title, w.state, w.light, w.appeal_type, w.urgency, w.channel, w.address, w.caller_name,
            w.caller_phone, w.confidential, w.created_at, w.urge_count, w.supervised, w.difficult, w.version,
            (select c.name from wo_category c where c.id = w.category_id) as category_name,
            m.unit_name as main_unit_name,
            case when w.state in ('CLOSED', 'WITHDRAWN', 'MERGED', 'FORWARDED') then null
                 else coalesce(w.stage_due_at, m.handle_due_at) end as due_at,
            exists(select 1 from wo_follow f where f.work_order_id = w.id and f.account_id = :me) as followed""";

    /** The current main assignment of each order (the latest one), joined as {@code m}. */
    static final String MAIN_JOIN = """
            left join lateral (select a.unit_name, a.handle_due_at from wo_assignment a
                                where a.work_order_id = w.id and a.role = 'MAIN' and a.state not in ('RETURNED', 'CANCELLED', 'TRANSFERRED')
                                order by a.id desc limit 1) m on true""";

    static OrderRow map(ResultSet rs, StaffPrincipal viewer) throws SQLException {
        boolean confidential = rs.getBoolean("confidential");
        boolean mayUnmask = viewer.can("phone:unmask");
        String name = PersonalData.open(rs.getString("caller_name"));
        String phone = PersonalData.open(rs.getString("caller_phone"));
        if (confidential && !mayUnmask) {
            name = name == null ? null : "（保密）";
            phone = null;
        } else {
            phone = Masking.phone(phone);
        }
        OrderState state = OrderState.valueOf(rs.getString("state"));
        AppealType type = AppealType.valueOf(rs.getString("appeal_type"));
        Urgency urgency = Urgency.valueOf(rs.getString("urgency"));
        Channel channel = Channel.valueOf(rs.getString("channel"));
        return new OrderRow(rs.getLong("id"), rs.getString("number"), rs.getString("title"), state.name(), state.label(),
                rs.getString("light"), type.name(), type.label(), urgency.name(), urgency.label(), channel.name(),
                channel.label(), rs.getString("category_name"), PersonalData.open(rs.getString("address")), name, phone, confidential,
                WorkOrders.instant(rs, "created_at"), rs.getString("main_unit_name"), WorkOrders.instant(rs, "due_at"),
                rs.getInt("urge_count"), rs.getBoolean("supervised"), rs.getBoolean("difficult"),
                rs.getBoolean("followed"), rs.getInt("version"));
    }
}
