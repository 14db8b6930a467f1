package org.openhotline.workorder.internal.query;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.internal.model.OrderAccess;
import org.openhotline.workorder.internal.model.TextGrams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.openhotline.shared.crypto.PersonalData;

/**
 * {@code GET /api/work-orders}: free text (each term must occur; 2-character grams through the GIN index, then
 * a substring recheck), filters, sort and paging, always within the caller's data scope.
 */
@Repository
class OrderSearch {

    record Criteria(String q, List<String> state, String light, String appealType, Long categoryId, Long regionId,
                    Long unitId, String channel, LocalDate from, LocalDate to, Boolean overdue, Boolean followed,
                    Boolean supervised, Boolean difficult, Boolean urged, String sort, int page, int size) {}

    private static final Map<String, String> SORTS = Map.of(
            "created_desc", "w.created_at desc, w.id desc",
            "created_asc", "w.created_at asc, w.id asc",
            "urge_desc", "w.urge_count desc, w.created_at desc",
            "due_asc", "w.due_at asc nulls last, w.id",
            "number", "w.number");

    /** Totals above this are answered as {@code COUNT_CAP + 1} ("more than 10,000"). */
    static final int COUNT_CAP = 10_000;

    /**
     * Up to this many orders of a list without text the page is taken from the orders themselves rather than along
     * the time index. A text search takes its page from its matches whenever it counted them all (see below).
     */
    static final int FEW = 2_000;

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final OrderAccess access;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    /** {@code hotline.workorder.light-scope=false}: the light lists test the scope on the orders (the bench's "before"). */
    private final boolean lightScope;
    private final ListTotals totals;

    OrderSearch(JdbcClient jdbc, java.time.Clock clock, OrderAccess access,
                org.springframework.transaction.PlatformTransactionManager transactions,
                @org.springframework.beans.factory.annotation.Value("${hotline.workorder.light-scope:true}") boolean lightScope,
                ListTotals totals) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.lightScope = lightScope;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.tx.setReadOnly(true);
        this.zone = clock.getZone();
        this.access = access;
    }

    PageResult<OrderRow> search(Criteria c, StaffPrincipal who) {
        // Plans for these parameters, not a cached generic plan: a generic plan cannot know that one term matches
        // 50,000 orders and another none (measured: 1.9 s instead of milliseconds at a million orders).
        return tx.execute(status -> {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            return searchNow(c, who);
        });
    }

    private PageResult<OrderRow> searchNow(Criteria c, StaffPrincipal who) {
        Map<String, Object> params = new HashMap<>();
        // Yellow and red orders are few and listed in wo_light (by light, then newest first): such a page starts
        // there and joins the orders, instead of testing the orders along the time index.
        boolean fromLights = isYellowOrRed(c.light()) || Boolean.TRUE.equals(c.overdue());
        String where = where(c, who, params, fromLights);
        String table = fromLights ? "wo_light l join work_order w on w.id = l.work_order_id " : "work_order w ";
        // A light list with no other filter is answered from wo_light alone (its rows carry the scope paths, ADR 017):
        // the total and a newest-first page never read the wide order rows, only the page's 20 of them.
        boolean lightsOnly = fromLights && lightScope && !filtersOrders(c);
        String countTable = lightsOnly ? "wo_light l " : table;
        // Counting stops after COUNT_CAP rows: an exact total of 300,000 matches helps nobody and costs the most.
        params.put("cap", COUNT_CAP + 1);
        int size = PageResult.clampSize(c.size());
        int page = Math.max(1, c.page());
        params.put("limit", size);
        params.put("offset", PageResult.offset(page, size));
        String sort = SORTS.containsKey(c.sort() == null ? "" : c.sort()) ? c.sort() : "created_desc";
        boolean text = c.q() != null && !c.q().isBlank();
        long total;
        if (text && !fromLights) {
            // A text's matches are read from the table anyway (the substring recheck), so one pass takes the first
            // COUNT_CAP + 1 with their sort keys: the total, and when that is all of them, the page. Walking the
            // time index instead tested ~200 orders per match of a term found 5,000 times in a million (0.75 s).
            Matches m = jdbc.sql("with m as materialized (select w.id, w.created_at, w.urge_count, w.due_at, w.number"
                            + " from work_order w where " + where + " limit :cap)"
                            + " select (select count(*) from m), array(select w.id from m w order by " + SORTS.get(sort)
                            + " limit :limit offset :offset)")
                    .params(params).query((rs, n) -> new Matches(rs.getLong(1), (Long[]) rs.getArray(2).getArray())).single();
            if (m.total() <= COUNT_CAP) {
                return new PageResult<>(rows(m.ids(), sort, who), m.total(), page, size);
            }
            // More than COUNT_CAP: common enough (1 % or more) that a walk along the sort order's index finds a page
            // within a few thousand orders. The planner does not know it: it estimates a term of several grams as if
            // they were independent (84 rows for 54,676 at a million) and would fetch and sort every match (1.2 s),
            // by a bitmap or, without, by reading the whole table (2.3 s).
            jdbc.sql("set local enable_bitmapscan = off").update();
            jdbc.sql("set local enable_seqscan = off").update();
            total = m.total();
        } else {
            // A large total is taken again for a few seconds (ListTotals): the count is most of a list's cost.
            String count = "select count(*) from (select 1 from " + countTable + "where " + where + " limit :cap) c";
            total = totals.total(count, params, () -> jdbc.sql(count).params(params).query(Long.class).single());
        }
        // wo_light.created_at is the order's: newest first along the wo_light_list index.
        String order = " order by " + (fromLights && sort.equals("created_desc") ? "l.created_at desc, l.work_order_id desc"
                : SORTS.get(sort)) + " limit :limit offset :offset";
        if (total <= COUNT_CAP && PageResult.offset(page, size) >= total) { // past the last match: nothing to read
            return new PageResult<>(List.of(), total, page, size);
        }
        // Few matches: the planner may still walk the time index and test every order until 20 match (a whole
        // table for a rare term). The count just told us how many there are, so take them first, then sort.
        boolean few = total <= FEW && !text && !fromLights; // wo_light is the few already
        if (few) {
            List<OrderRow> items = jdbc.sql("select " + OrderRow.COLUMNS + " from (select w.* from work_order w where "
                            + where + " offset 0) w " + OrderRow.MAIN_JOIN + order)
                    .params(params).query((rs, n) -> OrderRow.map(rs, who)).list();
            return new PageResult<>(items, total, page, size);
        }
        // The page's ids first, then their rows: the ids of a type, channel, urged or state page come from the index
        // entries alone (index-only walk), where planning the whole row made PostgreSQL sort every match (~250 ms).
        boolean idsFromLights = lightsOnly && sort.equals("created_desc");
        Long[] ids = jdbc.sql((idsFromLights ? "select l.work_order_id from wo_light l " : "select w.id from " + table)
                        + "where " + where + order).params(params)
                .query(Long.class).list().toArray(Long[]::new);
        return new PageResult<>(rows(ids, sort, who), total, page, size);
    }

    private List<OrderRow> rows(Long[] ids, String sort, StaffPrincipal who) {
        return ids.length == 0 ? List.of()
                : jdbc.sql("select " + OrderRow.COLUMNS + " from work_order w " + OrderRow.MAIN_JOIN
                                + " where w.id = any(cast(:ids as bigint[])) order by " + SORTS.get(sort))
                        .param("ids", ids).param("me", who.accountId())
                        .query((rs, n) -> OrderRow.map(rs, who)).list();
    }

    /** Up to {@code max} rows for an Excel export, same filters and scope. */
    List<OrderRow> export(Criteria c, StaffPrincipal who, int max) {
        Map<String, Object> params = new HashMap<>();
        String where = where(c, who, params, false);
        params.put("limit", max);
        return jdbc.sql("select " + OrderRow.COLUMNS + " from work_order w " + OrderRow.MAIN_JOIN + " where " + where
                        + " order by w.created_at desc, w.id desc limit :limit")
                .params(params).query((rs, n) -> OrderRow.map(rs, who)).list();
    }

    private record Matches(long total, Long[] ids) {}

    /** Whether a criterion besides the light (and the sort) must be tested on the order row. */
    private static boolean filtersOrders(Criteria c) {
        return (c.q() != null && !c.q().isBlank()) || "GREEN".equals(c.light()) || (c.state() != null && !c.state().isEmpty())
                || (c.appealType() != null && !c.appealType().isBlank()) || c.categoryId() != null || c.regionId() != null
                || c.unitId() != null || (c.channel() != null && !c.channel().isBlank()) || c.from() != null || c.to() != null
                || Boolean.TRUE.equals(c.followed()) || Boolean.TRUE.equals(c.supervised())
                || Boolean.TRUE.equals(c.difficult()) || Boolean.TRUE.equals(c.urged());
    }

    private static boolean isYellowOrRed(String light) {
        return "YELLOW".equals(light) || "RED".equals(light);
    }

    /** With {@code fromLights} the query reads {@code wo_light l} joined to the orders, and the light tests go to it. */
    private String where(Criteria c, StaffPrincipal who, Map<String, Object> p, boolean fromLights) {
        List<String> and = new ArrayList<>();
        p.put("me", who.accountId());
        p.put("scope", who.orgPath());
        // The same test twice: on wo_light's copy of the paths (the owner's and every assignment's unit's, kept by
        // wo_refresh_lights) or on the order and its assignments.
        and.add(fromLights && lightScope ? "exists (select 1 from unnest(l.scope_paths) sp(path) where sp.path like :scope || '%')"
                : "(w.owner_path like :scope || '%' or exists (select 1 from wo_assignment sa where sa.work_order_id = w.id and sa.unit_path like :scope || '%'))");
        if (c.q() != null && !c.q().isBlank()) {
            String q = c.q().strip();
            if (q.matches("\\d{14}")) {
                and.add("w.number = :number");
                p.put("number", q);
            } else {
                int i = 0;
                for (String term : q.toLowerCase(Locale.ROOT).split("\\s+")) {
                    String[] grams = TextGrams.of(term);
                    String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                    // title and content: grams then a substring recheck; the sealed address and caller's name: all
                    // of the term's keyed grams (ADR 041: no substring test is possible on them)
                    String plain = (grams.length > 0 ? "w.grams @> cast(:g" + i + " as text[]) and " : "") + "w.search_text like :l" + i;
                    and.add(grams.length > 0 ? "((" + plain + ") or w.grams @> cast(:k" + i + " as text[]))" : plain);
                    p.put("g" + i, grams);
                    p.put("k" + i, PersonalData.keyedGrams(grams));
                    p.put("l" + i, like);
                    i++;
                }
            }
        }
        if (c.state() != null && !c.state().isEmpty()) {
            and.add("w.state in (:states)");
            p.put("states", c.state());
        }
        // Yellow and red orders are listed in wo_light (the light itself is not indexed, see ADR 003).
        if (c.light() != null && !c.light().isBlank()) {
            and.add(c.light().equals("GREEN") ? "w.light = 'GREEN'"
                    : fromLights ? "l.light = :light" : "w.id in (select l.work_order_id from wo_light l where l.light = :light)");
            p.put("light", c.light());
        }
        if (Boolean.TRUE.equals(c.overdue())) {
            and.add(fromLights ? "l.light = 'RED'" : "w.id in (select l.work_order_id from wo_light l where l.light = 'RED')");
        }
        if (c.appealType() != null && !c.appealType().isBlank()) {
            and.add("w.appeal_type = :type");
            p.put("type", c.appealType());
        }
        if (c.channel() != null && !c.channel().isBlank()) {
            and.add("w.channel = :channel");
            p.put("channel", c.channel());
        }
        if (c.categoryId() != null) {
            and.add("w.category_id in (select id from wo_category where path like (select path from wo_category where id = :category) || '%')");
            p.put("category", c.categoryId());
        }
        if (c.regionId() != null) {
            and.add("w.region_path like :regionPath || '%'");
            p.put("regionPath", access.region(c.regionId()).path());
        }
        if (c.unitId() != null) {
            and.add("exists (select 1 from wo_assignment ua where ua.work_order_id = w.id and ua.unit_id = :unit)");
            p.put("unit", c.unitId());
        }
        if (c.from() != null) {
            and.add("w.created_at >= :from");
            p.put("from", c.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (c.to() != null) {
            and.add("w.created_at < :to");
            p.put("to", c.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        if (Boolean.TRUE.equals(c.followed())) {
            and.add("exists (select 1 from wo_follow f2 where f2.work_order_id = w.id and f2.account_id = :me)");
        }
        if (Boolean.TRUE.equals(c.supervised())) {
            and.add("w.supervised");
        }
        if (Boolean.TRUE.equals(c.difficult())) {
            and.add("w.difficult");
        }
        if (Boolean.TRUE.equals(c.urged())) {
            and.add("w.urge_count > 0");
        }
        return String.join(" and ", and);
    }
}
