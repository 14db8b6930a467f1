package org.openhotline.workorder.internal.similar;

import java.util.List;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.shared.TextEmbeddings;
import org.openhotline.workorder.internal.query.Workbenches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 答非所问: a unit's reply compared with the appeal it answers, for the reviewer (and later quality control). A reply
 * that speaks of the matter (井盖 … 已补装) sits close to the appeal by meaning; one written for another order, a
 * template without substance or a refusal without reasons sits far from it. The check only flags — the reviewer
 * decides — so it leans towards flagging: a reply that is short and far gets a reason the reviewer can weigh.
 */
@Service
public class ReplyCheck {

    /** Below this cosine a reply is probably about something else. */
    static final double OFF_TOPIC = 0.55;
    /** Below this it is loosely related: flagged when it is also short. */
    static final double LOOSE = 0.65;
    static final int SHORT = 20;

    public record Verdict(long assignmentId, String unitName, String role, double similarity, boolean offTopic,
                          String reason) {}

    private final JdbcClient jdbc;
    private final OrderVectors vectors;
    private final Workbenches workbenches;

    ReplyCheck(JdbcClient jdbc, OrderVectors vectors, Workbenches workbenches) {
        this.jdbc = jdbc;
        this.vectors = vectors;
        this.workbenches = workbenches;
    }

    record Replied(long assignmentId, String unitName, String role, String reply) {}

    /** The verdict on each reply of the order's units; none when the order is outside the caller's scope. */
    public List<Verdict> check(long workOrderId, StaffPrincipal who) {
        if (workbenches.rows(List.of(workOrderId), who).isEmpty()) {
            throw org.openhotline.shared.DomainException.notFound("工单不存在或不在您的数据范围内");
        }
        var order = jdbc.sql("select title, content from work_order where id = ?").param(workOrderId)
                .query((rs, n) -> OrderVectors.appeal(rs.getString(1), rs.getString(2))).single();
        List<Replied> replies = jdbc.sql("""
                select id, unit_name, role, reply from wo_assignment
                 where work_order_id = ? and reply is not null and reply <> '' order by id""")
                .param(workOrderId)
                .query((rs, n) -> new Replied(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        if (replies.isEmpty()) {
            return List.of();
        }
        float[] appeal = vectors.of(java.util.Map.of(workOrderId, order)).get(workOrderId);
        return replies.stream().map(r -> judge(r, TextEmbeddings.cosine(appeal, vectors.embed(r.reply())))).toList();
    }

    static Verdict judge(Replied r, double cos) {
        String text = r.reply().strip();
        String reason = null;
        if (cos < OFF_TOPIC) {
            reason = String.format("答复与诉求的语义相似度仅 %.2f，可能答非所问", cos);
        } else if (cos < LOOSE && text.length() < SHORT) {
            reason = String.format("答复过于简短且与诉求关联弱（相似度 %.2f）", cos);
        }
        return new Verdict(r.assignmentId(), r.unitName(), r.role(), Math.round(cos * 100) / 100.0, reason != null,
                reason);
    }
}
