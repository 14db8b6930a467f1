package org.openhotline.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second, independently written question sets in {@code bench/smart/search}: spoken questions phrased from the
 * citizen's situation ({@code spoken-questions.tsv}) and questions the knowledge base cannot answer
 * ({@code outside-questions.tsv}), and their development counterparts in {@code bench/smart/assistant}
 * ({@code spoken-dev.tsv}, {@code outside-dev.tsv}) that the assistant is tuned on. A title with {@code {区}} stands for
 * the district articles of that name.
 */
final class SpokenQuestions {

    private SpokenQuestions() {}

    static Path folder() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("bench/smart/search"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("bench/smart/search not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("bench/smart/search");
    }

    static List<KnowledgeEvaluation.Question> spoken(JdbcClient jdbc) {
        return spoken(jdbc, "spoken-questions.tsv");
    }

    /**
     * A third held-out set, written in round s13 by someone who saw only the list of titles (no code, no other set, no
     * article body), asked once and never tuned on ({@code bench/smart/search/fresh-spoken.tsv}).
     */
    static List<KnowledgeEvaluation.Question> fresh(JdbcClient jdbc) {
        return spoken(jdbc, "fresh-spoken.tsv");
    }

    /** Questions outside the base written the same way ({@code bench/smart/search/fresh-outside.tsv}). */
    static List<String> freshOutside() {
        return lines("fresh-outside.tsv");
    }

    /** Spoken in-base questions for tuning ({@code bench/smart/assistant/spoken-dev.tsv}). */
    static List<KnowledgeEvaluation.Question> spokenDev(JdbcClient jdbc) {
        return spoken(jdbc, "../assistant/spoken-dev.tsv");
    }

    private static List<KnowledgeEvaluation.Question> spoken(JdbcClient jdbc, String file) {
        Map<String, Long> byTitle = new java.util.HashMap<>();
        jdbc.sql("select title, min(id) from kb_article group by title")
                .query((rs, n) -> byTitle.put(rs.getString(1), rs.getLong(2))).list();
        return lines(file).stream().map(l -> {
            String[] f = l.split("\t");
            Set<Long> ids = new HashSet<>();
            for (String t : f[1].split("\\|")) {
                String title = t.strip();
                if (title.contains("{区}")) {
                    Pattern p = Pattern.compile(Pattern.quote(title).replace("{区}", "\\E\\p{IsHan}{2,8}\\Q"));
                    byTitle.forEach((k, v) -> {
                        if (p.matcher(k).matches()) {
                            ids.add(v);
                        }
                    });
                } else if (byTitle.containsKey(title)) {
                    ids.add(byTitle.get(title));
                }
                if (ids.isEmpty() && !title.contains("{区}")) {
                    throw new IllegalStateException("口语评测集引用了不存在的知识：" + title);
                }
            }
            if (ids.isEmpty()) {
                throw new IllegalStateException("口语评测集引用了不存在的知识：" + f[1]);
            }
            return new KnowledgeEvaluation.Question(f[0].strip(), ids);
        }).toList();
    }

    static List<String> outside() {
        return lines("outside-questions.tsv");
    }

    /** Questions outside the base for tuning the abstention ({@code bench/smart/assistant/outside-dev.tsv}). */
    static List<String> outsideDev() {
        return lines("../assistant/outside-dev.tsv");
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(folder().resolve(file), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> texts(List<KnowledgeEvaluation.Question> qs) {
        return qs.stream().map(KnowledgeEvaluation.Question::text).toList();
    }
}
