package org.openhotline.callcenter.internal.ivr;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.openhotline.callcenter.internal.calls.SatisfactionSurvey;
import org.openhotline.shared.DomainException;
import org.openhotline.telephony.ivr.ClasspathFlows;
import org.openhotline.telephony.ivr.Flow;
import org.openhotline.telephony.ivr.FlowParser;
import org.openhotline.telephony.ivr.FlowRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * IVR flows kept in PostgreSQL as the JSON the engine parses, and which number runs which flow. The shipped
 * flows ({@code default-12345}, {@code direct-to-agent}) are copied in on first start and can then be edited.
 */
@Repository
public class IvrFlows implements FlowRepository {

    public record StoredFlow(String id, String name, String definition, int version) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    IvrFlows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Flow> find(String flowId) {
        return stored(flowId).map(f -> FlowParser.parse(f.definition()));
    }

    @Override
    public Optional<Flow> forNumber(String calledNumber) {
        return jdbc.sql("select flow_id from cc_number_flow where number = ?").param(calledNumber)
                .query(String.class).optional().flatMap(this::find);
    }

    public Optional<StoredFlow> stored(String flowId) {
        return jdbc.sql("select id, name, definition, version from cc_ivr_flow where id = ?").param(flowId)
                .query(StoredFlow.class).optional();
    }

    public List<StoredFlow> all() {
        return jdbc.sql("select id, name, definition, version from cc_ivr_flow order by id").query(StoredFlow.class).list();
    }

    /** Saves a flow after the engine's own parser accepted it; a flow the engine cannot run is never stored. */
    public void save(String id, String definition, Integer version, String by) {
        Flow flow;
        try {
            flow = FlowParser.parse(definition);
        } catch (RuntimeException e) {
            throw DomainException.invalid("IVR 流程无效：" + e.getMessage());
        }
        if (!flow.id().equals(id)) {
            throw DomainException.invalid("流程 JSON 中的 id（" + flow.id() + "）与地址中的 id 不一致");
        }
        if (version == null) {
            jdbc.sql("insert into cc_ivr_flow (id, name, definition, updated_by, updated_at) values (?, ?, ?, ?, ?)")
                    .params(id, flow.name(), definition, by, OffsetDateTime.now(clock)).update();
            return;
        }
        int rows = jdbc.sql("""
                update cc_ivr_flow set name = ?, definition = ?, version = version + 1, updated_by = ?, updated_at = ?
                 where id = ? and version = ?""")
                .params(flow.name(), definition, by, OffsetDateTime.now(clock), id, version).update();
        if (rows == 0) {
            throw DomainException.conflict("该流程已被他人修改，请刷新后重试");
        }
    }

    public record NumberFlow(String number, String flowId, String flowName) {}

    /** Which number runs which flow (the binding the admin screen shows). */
    public List<NumberFlow> numbers() {
        return jdbc.sql("""
                select n.number, n.flow_id, f.name as flow_name from cc_number_flow n join cc_ivr_flow f on f.id = n.flow_id
                 order by n.number""").query(NumberFlow.class).list();
    }

    public void assignNumber(String number, String flowId) {
        jdbc.sql("insert into cc_number_flow (number, flow_id) values (?, ?) on conflict (number) do update set flow_id = excluded.flow_id")
                .params(number, flowId).update();
    }

    /** The flow a caller hears after waiting longer than the group's maximum: leave a message, then goodbye. */
    public void seedQueueTimeoutFlow(String id) {
        if (stored(id).isPresent()) {
            return;
        }
        save(id, """
                {"id": "%s", "name": "排队超时留言", "start": "voicemail",
                 "steps": {
                   "voicemail": {"type": "voicemail", "prompt": "leave-message", "maxSeconds": 60, "next": "bye"},
                   "bye": {"type": "hangup", "prompt": "goodbye"}}}""".formatted(id), null, "system");
    }

    /** The post-call satisfaction survey, stored like any flow so that a city can edit its wording and keys. */
    public void seedSurveyFlow() {
        if (stored(SatisfactionSurvey.FLOW).isEmpty()) {
            save(SatisfactionSurvey.FLOW, SatisfactionSurvey.definition(), null, "system");
        }
    }

    /**
     * Copies in each of the engine's shipped flows that is not stored yet, and binds the hotline number to the
     * default flow (7×24) unless it is bound already.
     */
    public void seedShippedFlows(String hotlineNumber) throws java.io.IOException {
        for (String id : List.of("default-12345", "working-hours-12345", "direct-to-agent")) {
            if (stored(id).isPresent()) {
                continue;
            }
            try (var in = ClasspathFlows.class.getResourceAsStream("/flows/" + id + ".json")) {
                save(id, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), null, "system");
            }
        }
        jdbc.sql("insert into cc_number_flow (number, flow_id) values (?, 'default-12345') on conflict (number) do nothing")
                .param(hotlineNumber).update();
    }
}
