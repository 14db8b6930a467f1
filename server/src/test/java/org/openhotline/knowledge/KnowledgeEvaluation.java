package org.openhotline.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openhotline.knowledge.internal.assistant.AnswerAssistant;
import org.openhotline.knowledge.internal.search.KnowledgeSearch;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recall of search and of the answer assistant over the evaluation set {@code knowledge/eval-questions.tsv}: for
 * each citizen question, is an article that answers it first (recall@1) or among the first five (recall@5)?
 */
final class KnowledgeEvaluation {

    record Question(String text, Set<Long> answers) {}

    record Recall(int questions, double at1, double at5, List<String> missedAt5) {
        @Override
        public String toString() {
            return String.format("recall@1 = %.3f, recall@5 = %.3f over %d questions", at1, at5, questions);
        }
    }

    private KnowledgeEvaluation() {}

    static List<Question> questions(JdbcClient jdbc) {
        Map<String, Long> byTitle = jdbc.sql("select title, min(id) from kb_article group by title")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        try (InputStream in = KnowledgeEvaluation.class.getResourceAsStream("/knowledge/eval-questions.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
                        String[] f = l.split("\t");
                        Set<Long> ids = Arrays.stream(f[1].split("\\|")).map(t -> {
                            Long id = byTitle.get(t.strip());
                            if (id == null) {
                                throw new IllegalStateException("评测集引用了不存在的知识：" + t);
                            }
                            return id;
                        }).collect(Collectors.toSet());
                        return new Question(f[0].strip(), ids);
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An agent of the city hotline, as the search and the assistant see one. */
    static StaffPrincipal agent(JdbcClient jdbc) {
        var node = jdbc.sql("select id, path from org_node where code = 'JZ'")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).single();
        return new StaffPrincipal(-1, "eval", "评测", node.getKey(), node.getValue(), Set.of("AGENT"),
                Set.of("knowledge:read"));
    }

    static Recall recall(List<Question> questions, Function<String, List<Long>> ranked) {
        int at1 = 0;
        int at5 = 0;
        List<String> missed = new java.util.ArrayList<>();
        for (Question q : questions) {
            List<Long> ids = ranked.apply(q.text());
            if (!ids.isEmpty() && q.answers().contains(ids.getFirst())) {
                at1++;
            }
            if (ids.stream().limit(5).anyMatch(q.answers()::contains)) {
                at5++;
            } else {
                missed.add(q.text());
            }
        }
        return new Recall(questions.size(), at1 / (double) questions.size(), at5 / (double) questions.size(), missed);
    }

    static Function<String, List<Long>> search(KnowledgeSearch search, StaffPrincipal who) {
        return q -> search.search(who, new KnowledgeSearch.Request(q, null, null, null, false, false, 1, 5)).items()
                .stream().map(KnowledgeSearch.Hit::id).toList();
    }

    /** The assistant's passages, best first, reduced to the distinct articles they come from. */
    static Function<String, List<Long>> assistant(AnswerAssistant assistant, StaffPrincipal who) {
        return q -> assistant.ask(who, q, 10).passages().stream().map(AnswerAssistant.Passage::articleId).distinct()
                .toList();
    }
}
