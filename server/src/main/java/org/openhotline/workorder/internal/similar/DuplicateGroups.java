package org.openhotline.workorder.internal.similar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.shared.TextEmbeddings;
import org.openhotline.workorder.internal.model.TextGrams;
import org.openhotline.workorder.internal.query.OrderRow;
import org.openhotline.workorder.internal.query.Workbenches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.openhotline.shared.crypto.PersonalData;

/**
 * The dispatcher's list of likely duplicates: the open orders of the last days that wait for the hotline (review,
 * dispatch) or are being handled, grouped where two of them are likely the same matter ({@link Likeness#LIKELY}).
 * Pairs are first found cheaply (same caller, or a quarter of the 2-character grams shared), then compared by
 * meaning; linked pairs form a group (union–find). The earliest order of a group is proposed as the one the others
 * are merged into (并单), since it carries the first contact.
 */
@Service
public class DuplicateGroups {

    /** Orders looked at, newest first: a day of a big city's hotline, enough for the dispatcher's screen. */
    static final int LOOKED_AT = 400;

    public record Member(SimilarOrders.Similar order, boolean earliest) {}

    public record Group(long intoId, List<String> reasons, List<Member> orders) {}

    private final JdbcClient jdbc;
    private final OrderVectors vectors;
    private final Workbenches workbenches;
    private final Clock clock;

    DuplicateGroups(JdbcClient jdbc, OrderVectors vectors, Workbenches workbenches, Clock clock) {
        this.jdbc = jdbc;
        this.vectors = vectors;
        this.workbenches = workbenches;
        this.clock = clock;
    }

    record Open(long id, String phone, String address, String appeal, Instant createdAt, Set<String> grams) {}

    public List<Group> recent(int days, StaffPrincipal who) {
        List<Open> open = jdbc.sql("""
                select w.id, w.caller_phone, w.address, w.title, w.content, w.created_at from work_order w
                 where w.owner_path like :scope || '%' and w.state in """ + SimilarOrders.OPEN + """
                   and w.created_at >= :since
                 order by w.created_at desc limit :limit""")
                .param("scope", who.orgPath())
                .param("since", java.sql.Timestamp.from(Instant.now(clock).minus(Duration.ofDays(days))))
                .param("limit", LOOKED_AT)
                .query((rs, n) -> {
                    String appeal = OrderVectors.appeal(rs.getString(4), rs.getString(5));
                    return new Open(rs.getLong(1), PersonalData.open(rs.getString(2)), PersonalData.open(rs.getString(3)), appeal,
                            rs.getTimestamp(6).toInstant(), Set.of(TextGrams.of(appeal)));
                }).list();
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            for (int j = i + 1; j < open.size(); j++) {
                Open a = open.get(i);
                Open b = open.get(j);
                if (samePhone(a, b) || shared(a.grams(), b.grams()) >= 0.25) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        Map<Long, String> texts = new HashMap<>();
        pairs.forEach(p -> {
            texts.put(open.get(p[0]).id(), open.get(p[0]).appeal());
            texts.put(open.get(p[1]).id(), open.get(p[1]).appeal());
        });
        Map<Long, float[]> v = vectors.of(texts);
        int[] parent = new int[open.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<Integer, Likeness> best = new HashMap<>();
        for (int[] p : pairs) {
            Open a = open.get(p[0]);
            Open b = open.get(p[1]);
            Likeness l = Likeness.of(samePhone(a, b), a.address(), b.address(),
                    TextEmbeddings.cosine(v.get(a.id()), v.get(b.id())));
            if (l.score() >= Likeness.LIKELY) {
                parent[find(parent, p[0])] = find(parent, p[1]);
                keepBest(best, p[0], l);
                keepBest(best, p[1], l);
            }
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < open.size(); i++) {
            members.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Integer> m : members.values()) {
            if (m.size() < 2) {
                continue;
            }
            m.sort(Comparator.comparing((Integer i) -> open.get(i).createdAt()).thenComparing(i -> open.get(i).id()));
            long into = open.get(m.getFirst()).id();
            Map<Long, OrderRow> rows = new HashMap<>();
            workbenches.rows(m.stream().map(i -> open.get(i).id()).toList(), who).forEach(r -> rows.put(r.id(), r));
            List<Member> out = new ArrayList<>();
            Set<String> reasons = new java.util.LinkedHashSet<>();
            for (int i : m) {
                OrderRow row = rows.get(open.get(i).id());
                Likeness l = best.get(i);
                if (row != null && l != null) {
                    reasons.addAll(l.reasons());
                    out.add(new Member(new SimilarOrders.Similar(row, l.score(), l.text(), l.reasons()),
                            row.id() == into));
                }
            }
            groups.add(new Group(into, new ArrayList<>(reasons), out));
        }
        groups.sort(Comparator.comparing((Group g) -> -g.orders().size()).thenComparing(g -> -g.intoId()));
        return groups;
    }

    private static void keepBest(Map<Integer, Likeness> best, int i, Likeness l) {
        best.merge(i, l, (x, y) -> x.score() >= y.score() ? x : y);
    }

    private static boolean samePhone(Open a, Open b) {
        return a.phone() != null && !a.phone().isBlank() && a.phone().equals(b.phone());
    }

    private static double shared(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int n = 0;
        for (String g : small) {
            if (large.contains(g)) {
                n++;
            }
        }
        return n / (double) small.size();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

}
