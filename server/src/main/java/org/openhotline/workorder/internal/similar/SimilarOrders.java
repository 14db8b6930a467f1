package org.openhotline.workorder.internal.similar;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.shared.TextEmbeddings;
import org.openhotline.workorder.internal.model.TextGrams;
import org.openhotline.workorder.internal.query.OrderRow;
import org.openhotline.workorder.internal.query.Workbenches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.openhotline.shared.crypto.PersonalData;

/**
 * Open orders like the appeal being typed. Candidates come from PostgreSQL cheaply (the same caller, most of the
 * address's 2-character grams, or some of the text's, through the GIN index, within the window), then each is compared by meaning
 * ({@link Likeness}); the list is best first and keeps the reasons. Orders of the same caller are always shown (the
 * agent sees what the caller already has open), others only when they are likely the same matter.
 */
@Service
public class SimilarOrders {

    static final String OPEN = "('PENDING_REVIEW', 'PENDING_DISPATCH', 'HANDLING', 'REPLY_REVIEW', 'PENDING_CALLBACK')";
    /** Candidates compared by meaning; more would cost an embedding each the first time. */
    static final int CANDIDATES = 30;
    /** Shown to the agent. */
    static final int SHOWN = 10;
    /**
     * A text candidate shares at least this share of the typed text's 2-character grams: low, since two wordings of
     * one complaint share few (窨井盖丢了 / 下水道井盖不见了); the meaning decides after.
     */
    static final double GRAM_SHARE = 0.15;
    /** An address candidate holds at least this share of the typed address's grams. */
    static final double ADDRESS_SHARE = 0.6;
    /** Others (not the same caller) are shown from this score on. */
    static final double SHOWN_FROM = 0.4;

    /** An order with how alike it is and why; the order's fields stay at the top level of the JSON. */
    public record Similar(@JsonUnwrapped OrderRow order, double score, double textSimilarity, List<String> reasons) {}

    private final JdbcClient jdbc;
    private final OrderVectors vectors;
    private final Workbenches workbenches;
    private final Clock clock;
    private final Duration window;

    SimilarOrders(JdbcClient jdbc, OrderVectors vectors, Workbenches workbenches, Clock clock,
                  @Value("${hotline.workorder.similar-days:30}") int days) {
        this.jdbc = jdbc;
        this.vectors = vectors;
        this.workbenches = workbenches;
        this.clock = clock;
        this.window = Duration.ofDays(days);
    }

    record Candidate(long id, String phone, String address, String appeal) {}

    /** Open orders within the window like this appeal; {@code excludeId} leaves out the order being looked at. */
    public List<Similar> like(String phone, String address, String text, Long excludeId, StaffPrincipal who) {
        String p = phone == null ? "" : phone.strip();
        String a = address == null ? "" : address.strip();
        String t = text == null ? "" : text.strip();
        String[] grams = TextGrams.of(t);
        if (grams.length > 80) {
            grams = java.util.Arrays.copyOf(grams, 80);
        }
        int needed = Math.max(2, (int) Math.ceil(grams.length * GRAM_SHARE));
        String[] place = PersonalData.keyedGrams(TextGrams.of(a)); // addresses are sealed: their grams are keyed
        int placeNeeded = Math.max(2, (int) Math.ceil(place.length * ADDRESS_SHARE));
        List<Candidate> found = jdbc.sql("""
                select w.id, w.caller_phone, w.address, w.title, w.content from work_order w
                 where w.owner_path like :scope || '%' and w.state in """ + OPEN + """
                   and w.created_at >= :since and w.id <> :exclude
                   and ((:phone <> '' and w.caller_phone_index = cast(:phoneIndex as bytea))
                        or (cardinality(cast(:place as text[])) > 0 and w.grams && cast(:place as text[])
                            and (select count(*) from unnest(w.grams) g where g = any(cast(:place as text[])))
                                >= :placeNeeded)
                        or (cardinality(cast(:grams as text[])) > 0 and w.grams && cast(:grams as text[])
                            and (select count(*) from unnest(w.grams) g where g = any(cast(:grams as text[]))) >= :needed))
                 order by (:phone <> '' and w.caller_phone_index = cast(:phoneIndex as bytea)) desc,
                          (select count(*) from unnest(w.grams) g
                            where g = any(cast(:grams as text[])) or g = any(cast(:place as text[]))) desc,
                          w.created_at desc
                 limit :limit""")
                .param("scope", who.orgPath()).param("since", java.sql.Timestamp.from(Instant.now(clock).minus(window)))
                .param("exclude", excludeId == null ? -1 : excludeId).param("phone", p)
                .param("phoneIndex", PersonalData.phoneIndex(p)).param("grams", grams)
                .param("needed", needed).param("place", place).param("placeNeeded", placeNeeded).param("limit", CANDIDATES)
                .query((rs, n) -> new Candidate(rs.getLong(1), PersonalData.open(rs.getString(2)), PersonalData.open(rs.getString(3)),
                        OrderVectors.appeal(rs.getString(4), rs.getString(5)))).list();
        if (found.isEmpty()) {
            return List.of();
        }
        float[] typed = t.isEmpty() ? null : vectors.embed(t);
        Map<Long, String> texts = new HashMap<>();
        found.forEach(c -> texts.put(c.id(), c.appeal()));
        Map<Long, float[]> theirs = typed == null ? Map.of() : vectors.of(texts);
        Map<Long, Likeness> likeness = new HashMap<>();
        for (Candidate c : found) {
            boolean sameCaller = !p.isEmpty() && PersonalData.normalPhone(p).equals(PersonalData.normalPhone(c.phone()));
            double cos = typed == null ? 0 : TextEmbeddings.cosine(typed, theirs.get(c.id()));
            Likeness l = Likeness.of(sameCaller, a, c.address(), cos);
            if (sameCaller || l.score() >= SHOWN_FROM) {
                likeness.put(c.id(), l);
            }
        }
        List<Long> ids = likeness.keySet().stream()
                .sorted(Comparator.comparingDouble((Long id) -> likeness.get(id).score()).reversed()).limit(SHOWN)
                .toList();
        List<Similar> out = new ArrayList<>();
        for (OrderRow row : workbenches.rows(ids, who)) {
            Likeness l = likeness.get(row.id());
            out.add(new Similar(row, l.score(), l.text(), l.reasons()));
        }
        return out;
    }
}
