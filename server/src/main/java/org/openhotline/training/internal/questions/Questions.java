package org.openhotline.training.internal.questions;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bank's table: writing checked questions, listing, and drawing questions for a rules paper. */
@Repository
public class Questions {

    private final JdbcClient jdbc;
    private final Clock clock;

    Questions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String COLUMNS = "id, category, difficulty, kind, stem, options, answer, analysis";

    private static Question map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Question(rs.getLong("id"), rs.getString("category"), rs.getInt("difficulty"),
                QuestionKind.valueOf(rs.getString("kind")), rs.getString("stem"),
                List.of((String[]) rs.getArray("options").getArray()), rs.getString("answer"), rs.getString("analysis"));
    }

    public long add(Question q) {
        var problems = q.problems();
        if (!problems.isEmpty()) {
            throw DomainException.invalid(String.join("；", problems));
        }
        return jdbc.sql("""
                insert into tr_question (category, difficulty, kind, stem, options, answer, analysis, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(q.category().strip(), q.difficulty(), q.kind().name(), q.stem().strip(),
                        q.options().toArray(String[]::new), q.answer().strip(), q.analysis(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    public List<Question> list(String category, String kind, int limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                 from tr_question where active
                   and (cast(:category as varchar) is null or category = :category)
                   and (cast(:kind as varchar) is null or kind = :kind)
                 order by id desc limit :limit""")
                .param("category", category).param("kind", kind).param("limit", limit)
                .query((rs, n) -> map(rs)).list();
    }

    public Map<Long, Question> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Question> map = new java.util.HashMap<>();
        jdbc.sql("select " + COLUMNS + " from tr_question where id in (:ids)").param("ids", ids)
                .query((rs, n) -> map(rs)).list().forEach(q -> map.put(q.id(), q));
        return map;
    }

    /** {@code count} random active questions of a category, kind and (optionally) difficulty. */
    public List<Long> draw(String category, QuestionKind kind, Integer difficulty, int count) {
        return jdbc.sql("""
                select id from tr_question where active and category = :category and kind = :kind
                   and (cast(:difficulty as int) is null or difficulty = :difficulty)
                 order by random() limit :count""")
                .param("category", category).param("kind", kind.name()).param("difficulty", difficulty)
                .param("count", count).query(Long.class).list();
    }

    public List<String> categories() {
        return jdbc.sql("select distinct category from tr_question where active order by 1").query(String.class).list();
    }

    public boolean retire(long id) {
        return jdbc.sql("update tr_question set active = false where id = ? and active").param(id).update() == 1;
    }
}
