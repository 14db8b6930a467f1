package org.openhotline.workorder.internal.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Table {@code wo_dispatch_basis}: what each dispatch followed — a rule of the 派单目录 (and its version), the n-th
 * suggestion of the model, an automatic dispatch, or the dispatcher's own choice. Written in the dispatch's
 * transaction, so the two never disagree; the accuracy of rules, suggestions and auto-dispatch is read from it.
 */
@Component
public class DispatchBasis {

    public enum Kind { RULE, SUGGESTION, AUTO, MANUAL }

    /** What the dispatcher says the choice followed; null fields for a manual choice. */
    public record Basis(Kind kind, Long ruleId, Integer catalogueVersion, Integer rank, Double score) {

        public static Basis manual() {
            return new Basis(Kind.MANUAL, null, null, null, null);
        }

        public Basis checked() {
            if (kind == Kind.RULE && (ruleId == null || catalogueVersion == null)) {
                throw DomainException.invalid("按派单目录派单时须注明规则和目录版本");
            }
            if ((kind == Kind.SUGGESTION || kind == Kind.AUTO) && (rank == null || rank < 1 || rank > 10)) {
                throw DomainException.invalid("按推荐派单时须注明推荐序号（1–10）");
            }
            if (score != null && (score < 0 || score > 1)) {
                throw DomainException.invalid("推荐得分应在 0 到 1 之间");
            }
            return this;
        }
    }

    private final JdbcClient jdbc;

    DispatchBasis(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long workOrderId, long mainUnitId, Basis basis, String by, Instant at) {
        Basis b = basis == null ? Basis.manual() : basis;
        jdbc.sql("""
                insert into wo_dispatch_basis (work_order_id, kind, rule_id, catalogue_version, rank, score, main_unit_id, by_user, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(workOrderId, b.kind().name(), b.ruleId(), b.catalogueVersion(), b.rank(), b.score(), mainUnitId, by,
                        Timestamp.from(at))
                .update();
    }
}
