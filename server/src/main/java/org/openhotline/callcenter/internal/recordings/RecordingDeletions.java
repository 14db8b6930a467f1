package org.openhotline.callcenter.internal.recordings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deleting a recording with a reason and a second person's approval. */
@Service
class RecordingDeletions {

    private static final String SELECT = """
            select id, call_id, reason, requested_by_id, requested_by, requested_at, status, decided_by_id, decided_by,
                   decided_at, decision_note, bytes_freed, version from cc_recording_deletion""";

    private final JdbcClient jdbc;
    private final RecordingFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordingDeletions(JdbcClient jdbc, RecordingFiles files, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    DeletionRequest request(StaffPrincipal me, String callId, String reason) {
        String checked = DeletionRequest.checkedReason(reason);
        boolean recorded = jdbc.sql("select recording_path is not null from cc_call where id = ?").param(callId)
                .query(Boolean.class).optional().orElseThrow(() -> DomainException.notFound("通话记录不存在"));
        if (!recorded) {
            throw DomainException.conflict("该通话没有录音");
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into cc_recording_deletion (call_id, reason, requested_by_id, requested_by, requested_at)
                    values (?, ?, ?, ?, ?) returning id""")
                    .params(callId, checked, me.accountId(), me.username(), OffsetDateTime.now(clock))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("该录音已有待审批的删除申请");
        }
        audit("requested", callId, Map.of("request", id, "reason", checked));
        return get(id);
    }

    @Transactional
    DeletionRequest approve(StaffPrincipal me, long id, int version) {
        DeletionRequest r = get(id);
        r.checkDecidableBy(me.accountId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        long bytes = Math.max(files.remove(r.callId(), me.username(), now), 0);
        decide(r, version, "APPROVED", me, now, null, bytes);
        audit("approved", r.callId(), Map.of("request", id, "reason", r.reason(), "requestedBy", r.requestedBy(),
                "bytes", bytes));
        return get(id);
    }

    @Transactional
    DeletionRequest reject(StaffPrincipal me, long id, int version, String note) {
        DeletionRequest r = get(id);
        r.checkDecidableBy(me.accountId());
        if (note != null && note.strip().length() > DeletionRequest.MAX_REASON) {
            throw DomainException.invalid("意见不超过 200 个字");
        }
        decide(r, version, "REJECTED", me, OffsetDateTime.now(clock), note == null ? null : note.strip(), null);
        audit("rejected", r.callId(), Map.of("request", id));
        return get(id);
    }

    List<DeletionRequest> list(String status) {
        return jdbc.sql(SELECT + " where (cast(:status as varchar) is null or status = cast(:status as varchar))"
                        + " order by requested_at desc, id desc limit 200")
                .param("status", status).query(DeletionRequest.class).list();
    }

    List<DeletionRequest> ofCall(String callId) {
        return jdbc.sql(SELECT + " where call_id = ? order by requested_at").param(callId).query(DeletionRequest.class).list();
    }

    DeletionRequest get(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(DeletionRequest.class).optional()
                .orElseThrow(() -> DomainException.notFound("删除申请不存在"));
    }

    private void decide(DeletionRequest r, int version, String status, StaffPrincipal me, OffsetDateTime at,
                        String note, Long bytes) {
        int rows = jdbc.sql("""
                update cc_recording_deletion set status = ?, decided_by_id = ?, decided_by = ?, decided_at = ?,
                       decision_note = ?, bytes_freed = ?, version = version + 1
                 where id = ? and version = ? and status = 'PENDING'""")
                .params(status, me.accountId(), me.username(), at, note, bytes, r.id(), version).update();
        if (rows == 0) {
            throw DomainException.conflict("该申请已被他人处理或修改，请刷新后重试");
        }
    }

    private void audit(String step, String callId, Map<String, Object> details) {
        events.publishEvent(new RecordingRemoved("callcenter.recording-deletion." + step, "call:" + callId, null, details));
    }
}
