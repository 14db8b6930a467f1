package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.knowledge.KnowledgeFixtures.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.openhotline.knowledge.internal.articles.Articles;
import org.openhotline.knowledge.internal.search.KnowledgeIndex;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HotlineTest
class KnowledgeIndexTest {

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeIndex index;

    @Autowired
    Articles articles;

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
}
