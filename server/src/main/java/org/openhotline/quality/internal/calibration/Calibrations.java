package org.openhotline.quality.internal.calibration;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.openhotline.callcenter.CallsForInspection;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.quality.internal.inspections.Inspections;
import org.openhotline.quality.internal.templates.ScoreSheet;
import org.openhotline.quality.internal.templates.ScoreSheet.Answer;
import org.openhotline.quality.internal.templates.Templates;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calibration sessions (质检校准): the QC lead picks a call and several inspectors; each scores it blind as an
 * ordinary task of theirs; the figures appear to the inspectors once all have submitted (to the lead at any time),
 * and the lead sets the reference score. Calibration scores never reach the agent or the reports.
 */
@Service
public class Calibrations {

    public record Form(String title, String callId, Long templateId, List<Long> inspectorIds) {}

    public record Session(long id, String title, String callId, long templateVersionId, String createdBy, Instant createdAt,
                          int inspectors, int submitted, BigDecimal referenceScore, int version) {}

    public record Sheet(long inspectionId, long inspectorId, String inspectorName, String state, BigDecimal score) {}

    public record View(Session session, List<Sheet> sheets, CalibrationFigures.Figures figures, boolean blind) {}

    private static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Templates templates;
    private final Inspections inspections;
    private final CallsForInspection calls;
    private final StaffDirectory staff;

    Calibrations(JdbcClient jdbc, JsonMapper json, Clock clock, Templates templates, Inspections inspections,
                 CallsForInspection calls, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.templates = templates;
        this.inspections = inspections;
        this.calls = calls;
        this.staff = staff;
    }

    public List<Session> list(StaffPrincipal me) {
        return jdbc.sql(SESSIONS + """
                 where :lead or exists (select 1 from qc_inspection i where i.calibration_id = c.id and i.inspector_id = :me)
                 order by c.id desc limit 200""")
                .param("lead", me.can("qc:lead")).param("me", me.accountId()).query(this::sessionRow).list();
    }

    @Transactional
    public Session create(Form form, StaffPrincipal me) {
        if (form == null || form.title() == null || form.title().isBlank() || form.title().length() > 100) {
            throw DomainException.badRequest("请填写校准标题（不超过 100 字）");
        }
        if (form.templateId() == null) {
            throw DomainException.badRequest("请选择质检模板");
        }
        var call = calls.byId(form.callId() == null ? "" : form.callId().trim())
                .orElseThrow(() -> DomainException.badRequest("找不到该通话（须为已接听的通话）"));
        if (form.inspectorIds() == null || form.inspectorIds().contains(null) || new HashSet<>(form.inspectorIds()).size() < 2 || form.inspectorIds().size() > 20) {
            throw DomainException.badRequest("校准至少需要 2 名、至多 20 名质检员");
        }
        var found = staff.byIds(new HashSet<>(form.inspectorIds()));
        if (found.size() != new HashSet<>(form.inspectorIds()).size()
                || found.stream().anyMatch(s -> !s.enabled() || !s.roles().contains(Role.QC_INSPECTOR))) {
            throw DomainException.badRequest("所选人员中有人不是在用的质检员");
        }
        var template = templates.current(form.templateId());
        long id = jdbc.sql("""
                insert into qc_calibration (title, call_id, template_version_id, created_by, created_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(form.title().trim(), call.callId(), template.id(), me.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        inspections.assign(new HashSet<>(form.inspectorIds()).stream().sorted().map(q -> new Inspections.NewTask(null, id,
                template.id(), call.callId(), null, call.agentId(), q, null, null)).toList(), me);
        return session(id);
    }

    public View view(long id, StaffPrincipal me) {
        Session s = session(id);
        List<Sheet> sheets = sheets(id);
        boolean mine = sheets.stream().anyMatch(x -> x.inspectorId() == me.accountId());
        if (!me.can("qc:lead") && !mine) {
            throw DomainException.forbidden("无权查看该校准");
        }
        boolean blind = !me.can("qc:lead") && s.submitted() < s.inspectors();
        if (blind) {
            return new View(s, sheets.stream().map(x -> new Sheet(x.inspectionId(), x.inspectorId(), x.inspectorName(),
                    x.state(), x.inspectorId() == me.accountId() ? x.score() : null)).toList(), null, true);
        }
        List<Map<String, Answer>> answers = jdbc.sql("""
                select answers from qc_inspection where calibration_id = ? and state = 'SUBMITTED' order by inspector_id""")
                .param(id).query((rs, n) -> json.readValue(rs.getString(1), ANSWERS)).list();
        String ref = jdbc.sql("select reference from qc_calibration where id = ?").param(id).query(String.class).optional().orElse(null);
        var figures = CalibrationFigures.of(templates.version(s.templateVersionId()).items(), answers,
                ref == null ? null : json.readValue(ref, ANSWERS));
        return new View(s, sheets, figures, false);
    }

    /** The QC lead's reference score: the answers inspectors are measured against. */
    @Transactional
    public View setReference(long id, Map<String, Answer> reference, int version, StaffPrincipal me) {
        Session s = session(id);
        var score = ScoreSheet.score(templates.version(s.templateVersionId()).items(), reference == null ? Map.of() : reference);
        int n = jdbc.sql("""
                update qc_calibration set reference = cast(? as jsonb), reference_score = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(json.writeValueAsString(reference == null ? Map.of() : reference), score.score(), id, version).update();
        if (n == 0) {
            throw DomainException.conflict("该校准已被他人修改，请刷新后重试");
        }
        return view(id, me);
    }

    private static final String SESSIONS = """
            select c.id, c.title, c.call_id, c.template_version_id, c.created_by, c.created_at,
                   (select count(*) from qc_inspection i where i.calibration_id = c.id) as inspectors,
                   (select count(*) from qc_inspection i where i.calibration_id = c.id and i.state = 'SUBMITTED') as submitted,
                   c.reference_score, c.version
              from qc_calibration c""";

    private Session session(long id) {
        return jdbc.sql(SESSIONS + " where c.id = ?").param(id).query(this::sessionRow).optional()
                .orElseThrow(() -> DomainException.notFound("校准不存在"));
    }

    private Session sessionRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9), rs.getInt(10));
    }

    private List<Sheet> sheets(long id) {
        List<Sheet> raw = jdbc.sql("""
                select id, inspector_id, state, score from qc_inspection where calibration_id = ? order by inspector_id""")
                .param(id).query((rs, n) -> new Sheet(rs.getLong(1), rs.getLong(2), null, rs.getString(3), rs.getBigDecimal(4))).list();
        var names = staff.byIds(raw.stream().map(Sheet::inspectorId).toList());
        return raw.stream().map(x -> new Sheet(x.inspectionId(), x.inspectorId(), names.stream()
                .filter(p -> p.accountId() == x.inspectorId()).map(StaffDirectory.Staff::displayName).findFirst().orElse(null),
                x.state(), x.score())).toList();
    }
}
