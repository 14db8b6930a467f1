package org.openhotline.workorder.internal.query;

import java.util.List;
import org.openhotline.workorder.CallOrderTexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.openhotline.shared.crypto.PersonalData;

/** {@link CallOrderTexts} straight from the order table (quality inspectors read orders city-wide). */
@Component
class CallOrderTextsFromOrders implements CallOrderTexts {

    private final JdbcClient jdbc;

    CallOrderTextsFromOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OrderText> ofCall(String callId) {
        return jdbc.sql("""
                select id, number, title, address, content from work_order where call_id = ? order by id""")
                .param(callId).query((rs, i) -> new OrderText(rs.getLong(1), rs.getString(2), rs.getString(3) + " "
                        + java.util.Objects.requireNonNullElse(PersonalData.open(rs.getString(4)), "") + " " + rs.getString(5)))
                .list();
    }
}
