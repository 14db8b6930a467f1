package org.openhotline.reporting.internal.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.reporting.internal.kpis.KpiDefinitions;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scoring schemes and their versions. An edit names the version it started from and adds the next one; when
 * someone saved in between, the version is no longer the latest and the edit is 409 (the primary key also refuses
 * two concurrent inserts of the same version).
 */
@Repository
class Schemes {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Form(Integer version, List<Scheme.Item> items, BigDecimal complaintWeight, BigDecimal complaintPoints,
                BigDecimal escalatedPoints, BigDecimal praisePoints, BigDecimal bannerPoints, BigDecimal bonusCap) {}

    record VersionView(int version, String changedBy, OffsetDateTime changedAt) {}

    private final JdbcClient jdbc;
    private final KpiDefinitions definitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Schemes(JdbcClient jdbc, KpiDefinitions definitions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.definitions = definitions;
        this.events = events;
        this.clock = clock;
    }

    static String kind(String value) {
        String k = value == null ? "" : value.strip().toUpperCase();
        if (!k.equals("UNIT") && !k.equals("AGENT")) {
            throw DomainException.notFound("考核方案只有 unit（成员单位）和 agent（话务员）两种");
        }
        return k;
    }

    /** The scheme of {@code kind} in {@code version}, the latest when null. */
    Scheme get(String kind, Integer version) {
        var rows = jdbc.sql("""
                        select * from rpt_scheme where kind = :kind
                           and version = coalesce(:version, (select max(version) from rpt_scheme where kind = :kind))""")
                .param("kind", kind).param("version", version).query((rs, n) -> new Scheme(kind, rs.getInt("version"),
                        items(kind, rs.getInt("version")), rs.getBigDecimal("complaint_weight"),
                        rs.getBigDecimal("complaint_points"), rs.getBigDecimal("escalated_points"),
                        rs.getBigDecimal("praise_points"), rs.getBigDecimal("banner_points"), rs.getBigDecimal("bonus_cap"),
                        rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class))).list();
        if (rows.isEmpty()) {
            throw DomainException.notFound("考核方案没有第 " + version + " 版");
        }
        return rows.getFirst();
    }

    private List<Scheme.Item> items(String kind, int version) {
        return jdbc.sql("""
                        select code, weight, target, points_per_pp, cap from rpt_scheme_item
                         where kind = ? and version = ? order by sort""").params(kind, version)
                .query((rs, n) -> new Scheme.Item(rs.getString("code"), rs.getBigDecimal("weight"),
                        rs.getBigDecimal("target"), rs.getBigDecimal("points_per_pp"), rs.getBigDecimal("cap"))).list();
    }

    List<VersionView> versions(String kind) {
        return jdbc.sql("select version, changed_by, changed_at from rpt_scheme where kind = ? order by version desc")
                .param(kind).query((rs, n) -> new VersionView(rs.getInt("version"), rs.getString("changed_by"),
                        rs.getObject("changed_at", OffsetDateTime.class))).list();
    }

    @Transactional
    Scheme save(String kind, Form form, StaffPrincipal who) {
        validate(kind, form);
        boolean agent = kind.equals("AGENT");
        int next = form.version() + 1;
        int inserted;
        try {
            inserted = jdbc.sql("""
                            insert into rpt_scheme (kind, version, complaint_weight, complaint_points, escalated_points,
                                                    praise_points, banner_points, bonus_cap, changed_by, changed_at)
                            select :kind, :next, :cw, :cp, :ep, :pp, :bp, :cap, :by, :at
                             where (select max(version) from rpt_scheme where kind = :kind) = :version""")
                    .param("kind", kind).param("next", next).param("version", form.version())
                    .param("cw", agent ? form.complaintWeight() : null).param("cp", agent ? form.complaintPoints() : null)
                    .param("ep", agent ? form.escalatedPoints() : null).param("pp", agent ? form.praisePoints() : null)
                    .param("bp", agent ? form.bannerPoints() : null).param("cap", agent ? form.bonusCap() : null)
                    .param("by", who.username()).param("at", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            inserted = 0;
        }
        if (inserted == 0) {
            throw DomainException.conflict("考核方案已被他人修改（当前为第 " + get(kind, null).version() + " 版），请刷新后重试");
        }
        int sort = 0;
        for (var i : form.items()) {
            jdbc.sql("""
                    insert into rpt_scheme_item (kind, version, code, weight, target, points_per_pp, cap, sort)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(kind, next, i.code().strip(), i.weight(), i.target(), i.pointsPerPp(), i.cap(), ++sort).update();
        }
        Scheme saved = get(kind, next);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", next);
        details.put("items", saved.items().stream().map(i -> i.code() + " 权重" + i.weight().stripTrailingZeros().toPlainString()
                + " 目标" + i.target().stripTrailingZeros().toPlainString() + " 每百分点" + i.pointsPerPp().stripTrailingZeros().toPlainString()
                + " 上限+" + i.cap().stripTrailingZeros().toPlainString()).toList());
        if (agent) {
            details.put("adjustments", "投诉满分" + form.complaintWeight() + " 每次扣" + form.complaintPoints() + " 升级投诉扣"
                    + form.escalatedPoints() + " 表扬+" + form.praisePoints() + " 锦旗+" + form.bannerPoints() + " 加分上限" + form.bonusCap());
        }
        events.publishEvent(new AssessmentChanged("reporting.scheme-changed", "scheme:" + kind + ":v" + next, details));
        return saved;
    }

    private void validate(String kind, Form form) {
        if (form == null || form.version() == null) {
            throw DomainException.badRequest("请提供方案的版本号（version）");
        }
        if (form.items() == null || form.items().isEmpty() || form.items().size() > 20) {
            throw DomainException.badRequest("考核方案应包含 1 到 20 个指标");
        }
        Set<String> seen = new HashSet<>();
        for (var i : form.items()) {
            if (i == null || i.code() == null || !seen.add(i.code().strip())) {
                throw DomainException.badRequest("考核方案的指标不能为空或重复");
            }
            definitions.required(i.code().strip());
            String name = definitions.required(i.code().strip()).name();
            range(i.weight(), HUNDRED, name + "的权重");
            range(i.target(), BigDecimal.valueOf(100000), name + "的目标值");
            range(i.pointsPerPp(), HUNDRED, name + "的每百分点分值");
            range(i.cap(), HUNDRED, name + "的加分上限");
        }
        if (kind.equals("AGENT")) {
            range(form.complaintWeight(), HUNDRED, "有理由投诉的分值");
            range(form.complaintPoints(), HUNDRED, "每次投诉扣分");
            range(form.escalatedPoints(), HUNDRED, "领导或媒体投诉扣分");
            range(form.praisePoints(), HUNDRED, "表扬加分");
            range(form.bannerPoints(), HUNDRED, "锦旗加分");
            range(form.bonusCap(), HUNDRED, "加分上限");
        }
    }

    private static void range(BigDecimal v, BigDecimal max, String what) {
        if (v == null || v.signum() < 0 || v.compareTo(max) > 0) {
            throw DomainException.badRequest(what + "应在 0 到 " + max.toPlainString() + " 之间");
        }
    }
}
