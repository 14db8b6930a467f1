package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.knowledge.KnowledgeFixtures.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.openhotline.knowledge.internal.articles.Articles;
import org.openhotline.knowledge.internal.search.KnowledgeIndex;
import org.openhotline.knowledge.internal.search.VectorBackfill;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@HotlineTest
class KnowledgeIndexTest {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeIndex index;

    @Autowired
    Articles articles;

    @Autowired
    VectorBackfill backfill;

    @Autowired
    JdbcClient jdbc;

    private long hits(String q) {
        return ok(ApiClient.loggedIn(port, "agent10").get("/api/knowledge/search?q=" + KnowledgeFixtures.q(q)))
                .json().path("total").asLong();
    }

    @Test
    void theIndexIsRebuiltFromTheDatabaseWhenItsFolderIsDeleted() throws IOException {
        assertThat(hits("居住证")).isPositive();
        index.close();
        try (var files = Files.walk(index.folder())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(index.folder()).doesNotExist();
        index.open(); // what happens at start
        assertThat(index.size()).isEqualTo(articles.count());
        assertThat(hits("居住证")).isPositive();
    }

    @Test
    void aDamagedIndexIsRebuiltToo() throws IOException {
        index.close();
        try (var files = Files.list(index.folder())) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().startsWith("segments")) {
                    Files.write(p, new byte[] {1, 2, 3});
                }
            }
        }
        index.open();
        assertThat(index.size()).isEqualTo(articles.count());
        assertThat(hits("居住证")).isPositive();
    }

    @Test
    void anIndexWrittenInAnOlderFormatIsRebuilt() throws IOException {
        var before = index.lastRebuild();
        index.close();
        // An index from before the format was recorded: same articles, same latest change, no format in the commit.
        try (var dir = FSDirectory.open(index.folder());
             var writer = new IndexWriter(dir, new IndexWriterConfig())) {
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            assertThat(data.remove("format")).isNotNull();
            writer.setLiveCommitData(data.entrySet(), true);
            writer.commit();
        }
        index.open();
        assertThat(index.lastRebuild()).isNotSameAs(before);
        assertThat(index.size()).isEqualTo(articles.count());
        assertThat(hits("居住证")).isPositive();
        var current = index.lastRebuild();
        index.close();
        index.open(); // now current: opened as it is
        assertThat(index.lastRebuild()).isSameAs(current);
    }

    /**
     * Each query pays one vector-graph search and its term look-ups per segment: a rebuild ends with one segment, and
     * {@link KnowledgeIndex#merge()} folds the small segments later edits wrote into one again. (On the demo base a
     * rebuild flushes once anyway; the 100,000-article bench is where it flushed five.)
     */
    @Test
    void aRebuildEndsWithOneSegmentAndAMergeFoldsTheSegmentsOfEditsIntoOne() {
        backfill.runNow(); // a vector pass an earlier test started writes no more after this
        List<Long> some = jdbc.sql("select id from kb_article order by id limit 3").query(Long.class).list();
        for (long id : some) {
            index.update(List.of(id)); // each written and committed on its own, as an edit is
        }
        assertThat(index.segments()).as("segments after three single edits").isGreaterThan(1);
        index.merge();
        assertThat(index.segments()).isEqualTo(1);
        assertThat(index.size()).isEqualTo(articles.count());
        for (long id : some) {
            index.update(List.of(id));
        }
        index.rebuild();
        assertThat(index.segments()).isEqualTo(1);
        assertThat(index.size()).isEqualTo(articles.count());
        assertThat(hits("居住证")).isPositive();
    }
}
