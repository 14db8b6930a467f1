package org.openhotline.knowledge.internal.search;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The editable synonym list (社保 = 社会保险). Applied when a query is read, not when articles are indexed, so an edit
 * takes effect on the next search without re-indexing: where a query mentions one member of a group, any member
 * matches ({@link QueryText}).
 */
@Component
public class Synonyms {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile List<List<String>> groups;

    Synonyms(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Group(long id, List<String> terms, String updatedBy, OffsetDateTime updatedAt) {}

    public List<Group> list() {
        return jdbc.sql("select id, terms, updated_by, updated_at from kb_synonym order by id")
                .query((rs, n) -> new Group(rs.getLong(1), split(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class))).list();
    }

    public Group save(Long id, List<String> terms, String by) {
        List<String> clean = terms.stream().map(ChineseText::normalize).filter(t -> !t.isEmpty()).distinct().toList();
        if (clean.size() < 2) {
            throw DomainException.invalid("一组同义词至少要有两个不同的词");
        }
        if (clean.stream().anyMatch(t -> t.length() > 30 || t.contains(","))) {
            throw DomainException.invalid("同义词每个不超过 30 个字，且不能包含逗号");
        }
        String joined = String.join(",", clean);
        if (joined.length() > 300) {
            throw DomainException.invalid("一组同义词合计不超过 300 个字符，请拆成几组");
        }
        long saved;
        if (id == null) {
            saved = jdbc.sql("insert into kb_synonym (terms, updated_by, updated_at) values (?, ?, ?) returning id")
                    .params(joined, by, OffsetDateTime.now(clock)).query(Long.class).single();
        } else {
            if (jdbc.sql("update kb_synonym set terms = ?, updated_by = ?, updated_at = ? where id = ?")
                    .params(joined, by, OffsetDateTime.now(clock), id).update() == 0) {
                throw DomainException.notFound("同义词组不存在");
            }
            saved = id;
        }
        groups = null;
        return list().stream().filter(g -> g.id() == saved).findFirst().orElseThrow();
    }

    public void delete(long id) {
        jdbc.sql("delete from kb_synonym where id = ?").param(id).update();
        groups = null;
    }

    /**
     * The groups the text mentions, each with the member found in it (the longest one present, so 住房公积金 is not
     * also read as 公积金 inside it) and that member's other spellings.
     */
    public record Mention(String present, List<String> group) {}

    public List<Mention> mentions(String text) {
        List<Mention> out = new ArrayList<>();
        for (List<String> group : groups()) {
            group.stream().filter(text::contains).max(Comparator.comparingInt(String::length))
                    .ifPresent(present -> out.add(new Mention(present, group)));
        }
        return out;
    }

    private List<List<String>> groups() {
        List<List<String>> g = groups;
        if (g == null) {
            g = jdbc.sql("select terms from kb_synonym order by id").query((rs, n) -> split(rs.getString(1))).list();
            groups = g;
        }
        return g;
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
