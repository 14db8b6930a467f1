package org.openhotline.knowledge.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.knowledge.internal.articles.Articles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Computes the vectors that are missing or stale, in the background, and writes the articles into the index again
 * with them. Embedding costs tens of milliseconds per article: the demo base (330 articles) would hold up every
 * start and every test context for many seconds, a rebuilt index of 100,000 articles for about an hour, so nothing
 * waits for it: until an article has its vector it is found by its words alone. A pass starts when the platform is
 * ready and whenever an article was indexed without a vector (new or edited); {@link #runNow()} runs one at once
 * (the rebuild button, tests).
 */
@Component
public class VectorBackfill implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(VectorBackfill.class);
    /** Articles embedded before the index is updated, so search improves while a long pass runs. */
    private static final int BATCH = 32;

    private final Articles articles;
    private final ArticleVectors vectors;
    private final KnowledgeIndex index;
    private final boolean enabled;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "knowledge-vectors");
        t.setDaemon(true);
        return t;
    });

    VectorBackfill(Articles articles, ArticleVectors vectors, KnowledgeIndex index,
                   @Value("${hotline.knowledge.vector-backfill:true}") boolean enabled) {
        this.articles = articles;
        this.vectors = vectors;
        this.index = index;
        this.enabled = enabled;
        index.whenVectorsMissing(this::request);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        request();
    }

    /** Schedules a pass unless one is already waiting to start. */
    public void request() {
        if (enabled && scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                try {
                    runNow();
                } catch (RuntimeException e) {
                    log.warn("Computing article vectors failed; search uses words alone for those articles", e);
                }
            });
        }
    }

    /** One pass over all articles; returns how many vectors it computed. */
    public synchronized int runNow() {
        long start = System.nanoTime();
        int[] computed = {0};
        articles.forEachPage(page -> {
            Map<Long, float[]> current = vectors.current(page);
            List<Article> todo = new ArrayList<>(page.stream().filter(a -> !current.containsKey(a.id())).toList());
            for (int i = 0; i < todo.size(); i += BATCH) {
                var fresh = vectors.compute(todo.subList(i, Math.min(todo.size(), i + BATCH)));
                index.update(fresh);
                computed[0] += fresh.size();
            }
        });
        if (computed[0] > 0) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            log.info("Article vectors computed: {} in {} ms ({} ms each)", computed[0], ms, ms / computed[0]);
        }
        return computed[0];
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
