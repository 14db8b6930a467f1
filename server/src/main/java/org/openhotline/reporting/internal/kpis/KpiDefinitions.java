package org.openhotline.reporting.internal.kpis;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The KPI definitions, in the order reports show them. */
@Repository
public class KpiDefinitions {

    private final JdbcClient jdbc;

    KpiDefinitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<KpiDefinition> all() {
        return jdbc.sql("select * from rpt_kpi order by sort").query((rs, n) -> new KpiDefinition(rs.getString("code"),
                rs.getString("name"), Source.valueOf(rs.getString("source")), rs.getString("unit"),
                rs.getString("numerator"), rs.getString("denominator"), (Integer) rs.getObject("threshold_s"),
                rs.getString("grades") == null ? List.of() : Arrays.asList(rs.getString("grades").split(",")),
                rs.getBigDecimal("target"), rs.getBoolean("higher_is_better"), rs.getString("exemption"),
                rs.getString("seed"), (Integer) rs.getObject("exempt_month_answered"), rs.getInt("version"))).list();
    }

    public Optional<KpiDefinition> find(String code) {
        return all().stream().filter(k -> k.code().equals(code)).findFirst();
    }

    public KpiDefinition required(String code) {
        return find(code).orElseThrow(() -> DomainException.notFound("没有编码为“" + code + "”的指标"));
    }
}
