package org.openhotline.reporting.internal.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.OrgNodeKind;
import org.openhotline.organization.Organization;
import org.openhotline.reporting.internal.kpis.Dimension;
import org.openhotline.reporting.internal.kpis.KpiFilter;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.stereotype.Component;

/**
 * Turns a report request into a {@link KpiFilter} the caller may see (分权分域): a period of at most three years,
 * the caller's node or a node below it — the whole hotline when that is a city or province — and, for an agent
 * without {@code report:read}, only the agent's own call figures.
 */
@Component
public class ReportScope {

    static final int MAX_DAYS = 3 * 366;

    private final Organization organization;
    private final Clock clock;

    ReportScope(Organization organization, Clock clock) {
        this.organization = organization;
        this.clock = clock;
    }

    public KpiFilter filter(StaffPrincipal who, String from, String to, Long org, String groupBy) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = date(from, "开始日期", today);
        LocalDate end = date(to, "结束日期", start.isAfter(today) ? start : today);
        if (end.isBefore(start)) {
            throw DomainException.badRequest("结束日期不能早于开始日期");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw DomainException.badRequest("统计区间不能超过三年，请缩短日期范围");
        }
        Dimension dimension = Dimension.parse(groupBy);
        var zone = clock.getZone();
        Instant periodStart = start.atStartOfDay(zone).toInstant();
        Instant periodEnd = end.plusDays(1).atStartOfDay(zone).toInstant();
        if (!who.can("report:read")) {
            if (!who.can("call:agent")) {
                throw DomainException.forbidden("没有查看统计报表的权限");
            }
            if (org != null) {
                throw DomainException.forbidden("话务员只能查看本人的指标");
            }
            return new KpiFilter(periodStart, periodEnd, null, who.accountId(), dimension, zone, clock.instant());
        }
        OrgNode node = org == null ? organization.node(who.orgNodeId()).orElse(null)
                : organization.node(org).orElseThrow(() -> DomainException.notFound("机构不存在：" + org));
        String path = node == null ? who.orgPath() : node.path();
        if (!who.sees(path)) {
            // like every scoped lookup (docs/api.md): a node outside the caller's scope does not exist for it
            throw DomainException.notFound("机构不存在或不在您的查看范围内：" + org);
        }
        boolean whole = node != null && (node.kind() == OrgNodeKind.PROVINCE || node.kind() == OrgNodeKind.CITY);
        return new KpiFilter(periodStart, periodEnd, whole ? null : path, null, dimension, zone, clock.instant());
    }

    private static LocalDate date(String value, String name, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest(name + "格式应为 年-月-日（例如 2026-01-31）：" + value);
        }
    }
}
