package org.openhotline.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.identity.AccountChanged;
import org.openhotline.identity.Role;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint recovery of an admin account (三权分立) without the server's operator: an admin of one of the two other
 * powers requests it, an admin of the third power approves it. The one-time password is split: the approver sees
 * the second half in the approval's answer, the requester reads the first half once afterwards. No single admin
 * ever knows the whole password, so neither can take over the account alone. Requests expire after a day.
 */
@Service
class JointRecoveries {

    static final Duration REQUEST_VALID = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AdminRecovery recovery;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JointRecoveries(JdbcClient jdbc, Accounts accounts, AdminRecovery recovery, ApplicationEventPublisher events,
                    Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.recovery = recovery;
        this.events = events;
        this.clock = clock;
    }

    record Request(long id, long targetAccountId, String targetUsername, String targetPower, String requestedBy,
                   String requesterPower, String reason, Instant requestedAt, Instant expiresAt, String status,
                   String decidedBy, Instant decidedAt, boolean requesterHalfWaiting) {}

    /** The approver's answer: the second half of the one-time password, shown once. */
    record Approval(long requestId, String targetUsername, String secondHalf, Instant passwordExpiresAt) {}

    @Transactional
    Request request(StaffPrincipal caller, String username, String reason) {
        Role callerPower = powerOf(caller);
        Account target = accounts.byUsername(username).filter(a -> caller.sees(a.orgPath()))
                .orElseThrow(() -> DomainException.notFound("账号 " + username + " 不存在或不在您的管辖范围内"));
        long targetId = target.id();
        Role targetPower = target.roles().stream().filter(Role::isAdminPower).findFirst()
                .orElseThrow(() -> DomainException.invalid("联合恢复只用于管理员账号；普通账号的密码由系统管理员重置"));
        if (targetPower == callerPower) {
            throw DomainException.conflict("三权分立：" + targetPower.label() + "账号的恢复须由另外两类管理员之一发起");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update admin_recovery_request set status = 'REJECTED', decided_by = 'system', decided_at = ?
                 where target_account_id = ? and status = 'PENDING' and expires_at <= ?""")
                .params(at(now), targetId, at(now)).update();
        if (open(targetId).isPresent()) {
            throw DomainException.conflict("该账号已有待批准的恢复申请");
        }
        long id = jdbc.sql("""
                insert into admin_recovery_request (target_account_id, target_power, requested_by, requester_power,
                                                    reason, requested_at, expires_at, status)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING') returning id""")
                .params(targetId, targetPower.name(), caller.username(), callerPower.name(), reason, at(now),
                        at(now.plus(REQUEST_VALID)))
                .query(Long.class).single();
        events.publishEvent(new AccountChanged(target.id(), target.username(), "recovery-requested",
                Map.of("requestId", id, "reason", reason)));
        return byId(id).orElseThrow();
    }

    @Transactional
    Approval approve(StaffPrincipal caller, long id) {
        Request request = pending(id);
        Role callerPower = powerOf(caller);
        if (callerPower.name().equals(request.requesterPower()) || callerPower.name().equals(request.targetPower())) {
            throw DomainException.forbidden("三权分立：此申请须由" + thirdPower(request).label() + "批准");
        }
        Account target = accounts.byId(request.targetAccountId()).orElseThrow();
        var password = recovery.oneTimePassword(target, Map.of("by", "joint-recovery", "requestId", id,
                "requestedBy", request.requestedBy()));
        int half = password.password().length() / 2;
        jdbc.sql("""
                update admin_recovery_request set status = 'APPROVED', decided_by = ?, decided_at = ?, requester_half = ?
                 where id = ?""")
                .params(caller.username(), at(clock.instant()), password.password().substring(0, half), id).update();
        events.publishEvent(new AccountChanged(target.id(), target.username(), "recovery-approved",
                Map.of("requestId", id, "requestedBy", request.requestedBy())));
        return new Approval(id, target.username(), password.password().substring(half), password.expiresAt());
    }

    /** The requester withdraws, or the third power's admin turns the request down. */
    @Transactional
    void reject(StaffPrincipal caller, long id) {
        Request request = pending(id);
        Role callerPower = powerOf(caller);
        boolean requester = caller.username().equals(request.requestedBy());
        if (!requester && callerPower != thirdPower(request)) {
            throw DomainException.forbidden("只有申请人或" + thirdPower(request).label() + "可以驳回此申请");
        }
        jdbc.sql("update admin_recovery_request set status = 'REJECTED', decided_by = ?, decided_at = ? where id = ?")
                .params(caller.username(), at(clock.instant()), id).update();
        events.publishEvent(new AccountChanged(request.targetAccountId(), request.targetUsername(), "recovery-rejected",
                Map.of("requestId", id)));
    }

    /** The first half of the one-time password, for the requester, once. */
    @Transactional
    String requesterHalf(StaffPrincipal caller, long id) {
        Request request = byId(id).filter(r -> r.requestedBy().equals(caller.username()))
                .orElseThrow(() -> DomainException.notFound("恢复申请不存在或不是您发起的"));
        String half = jdbc.sql("select requester_half from admin_recovery_request where id = ? for update").param(id)
                .query(String.class).optional().orElse(null);
        if (!"APPROVED".equals(request.status()) || half == null) {
            throw DomainException.conflict("申请尚未批准，或前半段密码已读取过");
        }
        jdbc.sql("update admin_recovery_request set requester_half = null where id = ?").param(id).update();
        return half;
    }

    List<Request> recent(StaffPrincipal caller) {
        powerOf(caller);
        return jdbc.sql(SELECT + " order by r.requested_at desc limit 100").query(JointRecoveries::map).list();
    }

    private Request pending(long id) {
        jdbc.sql("select id from admin_recovery_request where id = ? for update").param(id).query(Long.class).optional();
        Request request = byId(id).orElseThrow(() -> DomainException.notFound("恢复申请不存在"));
        if (!request.status().equals("PENDING")) {
            throw DomainException.conflict("该申请已处理");
        }
        if (!request.expiresAt().isAfter(clock.instant())) {
            throw DomainException.conflict("该申请已过期，请重新发起");
        }
        return request;
    }

    private static Role thirdPower(Request request) {
        return Role.ADMIN_POWERS.stream().filter(r -> !r.name().equals(request.requesterPower())
                && !r.name().equals(request.targetPower())).findFirst().orElseThrow();
    }

    private static Role powerOf(StaffPrincipal caller) {
        return Role.ADMIN_POWERS.stream().filter(r -> caller.hasRole(r.name())).findFirst()
                .orElseThrow(() -> DomainException.forbidden("只有管理员可以办理管理员账号恢复"));
    }

    private Optional<Request> open(long targetId) {
        return jdbc.sql(SELECT + " where r.target_account_id = ? and r.status = 'PENDING'").param(targetId)
                .query(JointRecoveries::map).optional();
    }

    private Optional<Request> byId(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(JointRecoveries::map).optional();
    }

    private static final String SELECT = """
            select r.id, r.target_account_id, a.username, r.target_power, r.requested_by, r.requester_power, r.reason,
                   r.requested_at, r.expires_at, r.status, r.decided_by, r.decided_at, r.requester_half is not null
              from admin_recovery_request r join account a on a.id = r.target_account_id""";

    private static Request map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
                rs.getString(10), rs.getString(11),
                rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getBoolean(13));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }
}
