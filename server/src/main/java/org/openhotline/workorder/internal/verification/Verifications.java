package org.openhotline.workorder.internal.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.openhotline.workorder.internal.model.Assignment;
import org.openhotline.workorder.internal.model.WorkOrder;
import org.openhotline.workorder.internal.model.WorkOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tables {@code wo_verification} and {@code wo_verification_category}, and the rule a reply must pass. */
@Component
public class Verifications {

    enum Means {
        ON_SITE("现场核实"), PHONE("电话核实"), DOCUMENTS("材料核实");

        final String label;

        Means(String label) {
            this.label = label;
        }
    }

    private final JdbcClient jdbc;
    private final tools.jackson.databind.json.JsonMapper json;

    Verifications(JdbcClient jdbc, tools.jackson.databind.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Refuses a reply to an order of a category that needs verification when the assignment has none recorded. */
    public void requireBeforeReply(WorkOrder o, Assignment a) {
        if (o.categoryPath().isEmpty()) {
            return;
        }
        boolean required = jdbc.sql("select exists(select 1 from wo_verification_category where category_id in (:path))")
                .param("path", o.categoryPath()).query(Boolean.class).single();
        if (!required) {
            return;
        }
        boolean recorded = jdbc.sql("select exists(select 1 from wo_verification where assignment_id = ?)")
                .param(a.id()).query(Boolean.class).single();
        if (!recorded) {
            throw DomainException.invalid("该类工单答复前须先登记核实情况（核实人、核实时间、核实方式）并上传佐证材料")
                    .with("code", "verification-required");
        }
    }

    long insert(long orderId, long assignmentId, String verifier, Instant verifiedAt, Means means, String note,
                List<Long> attachmentIds, String by, String byName, Instant now) {
        return jdbc.sql("""
                insert into wo_verification (work_order_id, assignment_id, verifier, verified_at, means, note,
                       attachment_ids, recorded_by, recorded_name, recorded_at)
                values (?, ?, ?, ?, ?, ?, cast(? as bigint[]), ?, ?, ?) returning id""")
                .params(orderId, assignmentId, verifier, WorkOrders.ts(verifiedAt), means.name(), note,
                        attachmentIds.toArray(Long[]::new), by, byName, WorkOrders.ts(now))
                .query(Long.class).single();
    }

    List<Map<String, Object>> of(long orderId) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select v.id, v.assignment_id as "assignmentId", a.unit_name as "unitName", v.verifier,
                       v.verified_at as "verifiedAt", v.means, v.note, v.recorded_name as "recordedName",
                       v.recorded_at as "recordedAt",
                       coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name, 'contentType', t.content_type)
                                                 order by t.id)::text
                                   from wo_attachment t where t.id = any(v.attachment_ids)), '[]') as "attachments"
                  from wo_verification v join wo_assignment a on a.id = v.assignment_id
                 where v.work_order_id = ? order by v.id""").param(orderId).query().listOfRows();
        rows.forEach(r -> {
            r.put("meansLabel", Means.valueOf((String) r.get("means")).label);
            r.put("attachments", json.readValue((String) r.get("attachments"), List.class));
        });
        return rows;
    }

    List<Long> requiredCategories() {
        return jdbc.sql("select category_id from wo_verification_category order by category_id").query(Long.class).list();
    }

    void requireCategories(List<Long> categoryIds, String by, Instant now) {
        long known = categoryIds.isEmpty() ? 0 : jdbc.sql("select count(*) from wo_category where id in (:ids)")
                .param("ids", categoryIds).query(Long.class).single();
        if (known != categoryIds.size()) {
            throw DomainException.invalid("所选诉求分类不存在");
        }
        jdbc.sql("delete from wo_verification_category").update();
        for (Long id : categoryIds) {
            jdbc.sql("insert into wo_verification_category (category_id, set_by, set_at) values (?, ?, ?)")
                    .params(id, by, WorkOrders.ts(now)).update();
        }
    }
}
