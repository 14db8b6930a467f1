package org.openhotline.workorder.internal.query;

import java.util.List;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.CallerOrders;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.openhotline.workorder.internal.values.OrderState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.openhotline.shared.crypto.PersonalData;

/** {@link CallerOrders} over {@code work_order}, within the viewer's data scope like every list of orders. */
@Component
class CallerOrdersQuery implements CallerOrders {

    private static final String OPEN = "('PENDING_REVIEW', 'PENDING_DISPATCH', 'HANDLING', 'REPLY_REVIEW', 'PENDING_CALLBACK')";

    private final JdbcClient jdbc;

    CallerOrdersQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CallerOrder> ofCaller(String phone, StaffPrincipal viewer, int limit) {
        if (phone == null || phone.isBlank()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, number, title, state, created_at, urge_count, call_id, version from work_order
                 where caller_phone_index = :phone and owner_path like :scope || '%' and state <> 'MERGED'
                 order by created_at desc, id desc limit :limit""")
                .param("phone", PersonalData.phoneIndex(phone)).param("scope", viewer.orgPath()).param("limit", Math.clamp(limit, 1, 100))
                .query((rs, n) -> {
                    OrderState state = OrderState.valueOf(rs.getString("state"));
                    return new CallerOrder(rs.getLong("id"), rs.getString("number"), rs.getString("title"), state.name(),
                            state.label(), state.isOpen(), WorkOrders.instant(rs, "created_at"), rs.getInt("urge_count"),
                            rs.getString("call_id"), rs.getInt("version"));
                }).list();
    }

    /** Orders the viewer took in that still wait at the hotline: sent for review, or kept / sent back for dispatch. */
    private static final String TO_HANDLE = " from work_order where created_by = :me and state in ('PENDING_REVIEW', 'PENDING_DISPATCH')";

    @Override
    public List<OrderToHandle> toHandle(StaffPrincipal viewer, int page, int size) {
        int limit = PageResult.clampSize(size);
        return jdbc.sql("select id, number, title, state, created_at, stage_due_at" + TO_HANDLE
                        + " order by coalesce(stage_due_at, created_at), id limit :limit offset :offset")
                .param("me", viewer.username()).param("limit", limit).param("offset", PageResult.offset(page, limit))
                .query((rs, n) -> {
                    OrderState state = OrderState.valueOf(rs.getString("state"));
                    return new OrderToHandle(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                            state.name(), state.label(), WorkOrders.instant(rs, "created_at"),
                            WorkOrders.instant(rs, "stage_due_at"));
                }).list();
    }

    @Override
    public long countToHandle(StaffPrincipal viewer) {
        return jdbc.sql("select count(*)" + TO_HANDLE).param("me", viewer.username()).query(Long.class).single();
    }
}
