package org.openhotline.workforce.internal.roster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' requests: leave (请假) and wished days off (期望休息) for days of their own, swaps (换班) of one day's shifts
 * with a colleague in a roster. A team leader or manager approves or rejects; an approved leave takes the agent off
 * the published roster's days, an approved swap exchanges the two cells — each only when the rules still hold.
 */
@Service
public class RosterRequests {

    public record Request(long id, String kind, long accountId, Long partnerId, Long rosterId, LocalDate firstDay,
                          LocalDate lastDay, String reason, String status, String note) {}

    private final JdbcClient jdbc;
    private final RosterBook book;
    private final Rosters rosters;
    private final Clock clock;

    RosterRequests(JdbcClient jdbc, RosterBook book, Rosters rosters, Clock clock) {
        this.jdbc = jdbc;
        this.book = book;
        this.rosters = rosters;
        this.clock = clock;
    }

    @Transactional
    public long ask(String kind, long accountId, Long partnerId, Long rosterId, LocalDate first, LocalDate last, String reason) {
        switch (kind) {
            case "LEAVE", "WISH_OFF" -> {
                if (last.isBefore(first) || last.isAfter(first.plusDays(30))) {
                    throw DomainException.invalid("结束日期不能早于开始日期，一次最多 31 天");
                }
            }
            case "SWAP" -> {
                if (partnerId == null || rosterId == null || partnerId == accountId) {
                    throw DomainException.invalid("换班需选择排班表和另一位坐席");
                }
                last = first;
                var shifts = book.shifts(book.roster(rosterId));
                if (!shifts.containsKey(accountId) || !shifts.containsKey(partnerId)) {
                    throw DomainException.invalid("双方都须在该排班表中");
                }
            }
            default -> throw DomainException.invalid("申请类型应为 LEAVE、WISH_OFF 或 SWAP");
        }
        return jdbc.sql("""
                insert into wf_request (kind, account_id, partner_id, roster_id, first_day, last_day, reason, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) returning id""")
                .params(kind, accountId, partnerId, rosterId, first, last, reason, Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    public List<Request> list(String status, Long accountId) {
        return jdbc.sql("""
                select id, kind, account_id, partner_id, roster_id, first_day, last_day, reason, status, note from wf_request
                 where (cast(:status as varchar) is null or status = :status)
                   and (cast(:account as bigint) is null or account_id = :account or partner_id = :account)
                 order by created_at desc limit 200""")
                .param("status", status).param("account", accountId).query(Request.class).list();
    }

    public Request get(long id) {
        return jdbc.sql("""
                select id, kind, account_id, partner_id, roster_id, first_day, last_day, reason, status, note
                  from wf_request where id = ?""").param(id).query(Request.class).optional()
                .orElseThrow(() -> DomainException.notFound("申请不存在"));
    }

    Request find(long id) {
        return jdbc.sql("""
                select id, kind, account_id, partner_id, roster_id, first_day, last_day, reason, status, note
                  from wf_request where id = ? for update""").param(id).query(Request.class).optional()
                .orElseThrow(() -> DomainException.notFound("申请不存在"));
    }

    @Transactional
    public void decide(long id, boolean approve, String note, long by) {
        Request r = find(id);
        if (!"PENDING".equals(r.status())) {
            throw DomainException.conflict("该申请已处理");
        }
        if (r.accountId() == by) {
            throw DomainException.forbidden("不能审批自己的申请");
        }
        if (approve) {
            apply(r);
        }
        jdbc.sql("update wf_request set status = ?, decided_by = ?, decided_at = ?, note = ? where id = ?")
                .params(approve ? "APPROVED" : "REJECTED", by, Timestamp.from(clock.instant()), note, id).update();
    }

    private void apply(Request r) {
        var templates = book.templatesByCode();
        if ("SWAP".equals(r.kind())) {
            var roster = book.roster(r.rosterId());
            var grid = book.shifts(roster);
            int d = r.firstDay().getDayOfMonth() - 1;
            String[] mine = grid.get(r.accountId()).clone();
            String[] theirs = grid.get(r.partnerId()).clone();
            String swap = mine[d];
            mine[d] = theirs[d];
            theirs[d] = swap;
            rosters.checkAgent(roster, r.accountId(), mine, templates);
            rosters.checkAgent(roster, r.partnerId(), theirs, templates);
            book.setShift(roster.id(), r.accountId(), r.firstDay(), mine[d]);
            book.setShift(roster.id(), r.partnerId(), r.firstDay(), theirs[d]);
        } else if ("LEAVE".equals(r.kind())) {
            // the agent leaves the published rosters on those days; the gaps show where cover is needed
            jdbc.sql("""
                    update wf_roster_shift s set shift_code = null from wf_roster ro
                     where ro.id = s.roster_id and ro.status in ('PUBLISHED', 'DRAFT') and s.account_id = ?
                       and s.day between ? and ?""").params(r.accountId(), r.firstDay(), r.lastDay()).update();
        }
    }
}
