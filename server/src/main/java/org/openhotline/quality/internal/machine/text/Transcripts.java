package org.openhotline.quality.internal.machine.text;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The transcript of each call, kept as the engine delivered it; a later transcript replaces an earlier one. */
@Repository
public class Transcripts {

    private static final TypeReference<List<Transcript.Utterance>> UTTERANCES = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Transcripts(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void save(String callId, Transcript t, String by) {
        jdbc.sql("""
                insert into qc_transcript (call_id, engine, utterances, received_at, received_by)
                values (?, ?, cast(? as jsonb), ?, ?)
                on conflict (call_id) do update set engine = excluded.engine, utterances = excluded.utterances,
                       received_at = excluded.received_at, received_by = excluded.received_by""")
                .params(callId, t.engine(), json.writeValueAsString(t.utterances()), OffsetDateTime.now(clock), by)
                .update();
    }

    public Optional<Transcript> find(String callId) {
        return jdbc.sql("select engine, utterances from qc_transcript where call_id = ?").param(callId)
                .query((rs, i) -> new Transcript(rs.getString(1), json.readValue(rs.getString(2), UTTERANCES)))
                .optional();
    }
}
