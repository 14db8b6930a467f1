package org.openhotline.knowledge.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.knowledge.internal.articles.Articles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Lucene index of all articles, derived from PostgreSQL and never the other way round. At start it is opened
 * and checked against the database (same article count, same latest change recorded in the commit); when the folder
 * is missing, unreadable or stale it is rebuilt. Changes are applied after the database transaction commits and
 * the searcher is refreshed at once (near-real-time), so a published article is found by the next search. The
 * fields of a document, and how a hit is read back from them, are left to {@link ArticleDocuments}: this class keeps
 * the writer, the searchers and the commits, and decides when documents are written.
 */
@Component
public class KnowledgeIndex implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);
    private static final String LATEST_CHANGE = "latestChange";
    private static final String FORMAT = "format";

    private final Path folder;
    private final Articles articles;
    private final JdbcClient jdbc;
    private final ArticleVectors vectors;
    private volatile Runnable whenVectorsMissing = () -> { };
    private Directory directory;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile Duration lastRebuild;

    public record Duration(long articles, long millis) {}

    KnowledgeIndex(@Value("${hotline.data-dir}") Path dataDir, Articles articles, JdbcClient jdbc,
                   ArticleVectors vectors) {
        this.folder = dataDir.toAbsolutePath().normalize().resolve("index").resolve("knowledge");
        this.articles = articles;
        this.jdbc = jdbc;
        this.vectors = vectors;
    }

    /** Called (off the writer's lock) when documents were written without their vector: it is still to compute. */
    public void whenVectorsMissing(Runnable action) {
        this.whenVectorsMissing = action;
    }

    @Override
    public void afterPropertiesSet() {
        open();
    }

    /** Opens the folder, rebuilding from the database when it is missing, damaged or behind. */
    public synchronized void open() {
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            String problem = check();
            if (problem != null) {
                // Missing is what every first start finds: nothing to warn about.
                if (problem.equals("missing")) {
                    log.info("Knowledge index {}: {}; building it from the database", folder, problem);
                } else {
                    log.warn("Knowledge index {}: {}; rebuilding from the database", folder, problem);
                }
                wipe();
                openWriter();
                rebuild();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the knowledge index at " + folder, e);
        }
    }

    /** Null when the index is usable and current; otherwise why not (the writer is then closed). */
    private String check() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return "missing";
            }
            openWriter();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                long inDb = articles.count();
                if (reader.numDocs() != inDb) {
                    closeQuietly();
                    return "holds " + reader.numDocs() + " articles, the database " + inDb;
                }
                if (!ArticleDocuments.FORMAT_VERSION.equals(reader.getIndexCommit().getUserData().get(FORMAT))) {
                    closeQuietly();
                    return "written in an older format";
                }
                String recorded = reader.getIndexCommit().getUserData().get(LATEST_CHANGE);
                if (!String.valueOf(latestChangeInDb()).equals(recorded == null ? "" : recorded)) {
                    closeQuietly();
                    return "behind the database";
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            return "damaged (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    private void openWriter() throws IOException {
        var config = new IndexWriterConfig(ChineseText.INDEX)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
    }

    private void wipe() throws IOException {
        closeQuietly();
        if (directory != null) {
            directory.close();
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        directory = FSDirectory.open(folder);
    }

    /**
     * Re-reads every article from PostgreSQL into a fresh index, merged into one segment; searches see the old one
     * until it is done.
     */
    public synchronized Duration rebuild() {
        return rebuild(true);
    }

    /**
     * {@code merge} false leaves the segments the writer flushed (the speed bench's "before"). A query pays its term
     * look-ups and, above all, one nearest-vector graph search per segment (a rebuild of 100,000 articles flushed
     * five, and the vector part was most of a hybrid question's CPU: bench/smart/search/last-speed-run.txt). The merge
     * builds the graph once more — paid at a rebuild, which is rare, not at every question; later edits add small
     * segments that Lucene's merge policy folds in as usual. Its gain and cost are what speed.sh measures.
     */
    public synchronized Duration rebuild(boolean merge) {
        long start = System.nanoTime();
        long latest = latestChangeInDb();
        long[] count = {0};
        boolean[] missing = {false};
        try {
            writer.deleteAll();
            articles.forEachPage(page -> {
                // Vectors come from the table: embedding them here would make a rebuild take minutes.
                Map<Long, float[]> current = vectors.current(page);
                for (Article a : page) {
                    float[] v = current.get(a.id());
                    missing[0] |= v == null;
                    add(a, v);
                    count[0]++;
                }
            });
            if (merge) {
                writer.forceMerge(1);
            }
            commit(latest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastRebuild = new Duration(count[0], (System.nanoTime() - start) / 1_000_000);
        log.info("Knowledge index rebuilt: {} articles in {} ms", count[0], lastRebuild.millis());
        if (missing[0]) {
            whenVectorsMissing.run();
        }
        return lastRebuild;
    }

    /** Merges the index into one segment now; returns the milliseconds it took (the speed bench's "after"). */
    public synchronized long merge() {
        long start = System.nanoTime();
        try {
            writer.forceMerge(1);
            commit(latestChangeInDb());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    public Duration lastRebuild() {
        return lastRebuild;
    }

    public Path folder() {
        return folder;
    }

    /** Re-indexes the article once the surrounding transaction has committed (at once when there is none). */
    public void updateAfterCommit(long articleId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            update(List.of(articleId));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<Long> ids = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(KnowledgeIndex.this);
                    if (status == STATUS_COMMITTED) {
                        update(ids);
                    }
                }
            });
            pending = ids;
        }
        pending.add(articleId);
    }

    public void update(Collection<Long> ids) {
        if (write(ids, Map.of())) {
            whenVectorsMissing.run();
        }
    }

    /** Writes the articles again with these freshly computed vectors (the others' come from the table). */
    public void update(Map<Long, float[]> computed) {
        write(computed.keySet(), computed);
    }

    /** True when some article was written without a vector. */
    private synchronized boolean write(Collection<Long> ids, Map<Long, float[]> computed) {
        try {
            var found = articles.findAll(ids);
            Map<Long, float[]> current = new java.util.HashMap<>(vectors.current(
                    found.stream().filter(a -> !computed.containsKey(a.id())).toList()));
            current.putAll(computed);
            boolean withoutVector = false;
            Set<Long> missing = new HashSet<>(ids);
            for (Article a : found) {
                float[] v = current.get(a.id());
                withoutVector |= v == null;
                writer.updateDocument(ArticleDocuments.id(a.id()), ArticleDocuments.of(a, v));
                missing.remove(a.id());
            }
            for (Long id : missing) {
                writer.deleteDocuments(ArticleDocuments.id(id));
            }
            commit(latestChangeInDb());
            return withoutVector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Article a, float[] vector) {
        try {
            writer.addDocument(ArticleDocuments.of(a, vector));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit(long latest) throws IOException {
        writer.setLiveCommitData(Map.of(LATEST_CHANGE, Long.toString(latest), FORMAT, ArticleDocuments.FORMAT_VERSION).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private long latestChangeInDb() {
        OffsetDateTime t = jdbc.sql("select max(updated_at) from kb_article").query(OffsetDateTime.class).optional()
                .orElse(null);
        return t == null ? 0 : t.toInstant().toEpochMilli() * 1000 + t.getNano() / 1000 % 1000;
    }

    /** A hit with the stored fields the result list shows. */
    public record Hit(long id, float score, long categoryId, String state, String title, String keywords,
                      String body, String regions, String expiresOn, long updated) {}

    public record Hits(long total, boolean moreThanTotal, List<Hit> hits) {}

    /**
     * Hits counted exactly before the collector may skip: newest-first lists count up to 1000 (the pager's reach);
     * by relevance only the first 100 are counted (a whole question: the page and one more), after which block-max
     * WAND skips every block of documents whose best possible score cannot enter the page (the total reads 100+).
     */
    static final int COUNTED_LATEST = 1000;
    static final int COUNTED_RELEVANT = 100;

    /** Hits by relevance re-ranked by the query's {@code rerank} part (pages within it keep one order). */
    static final int RERANK_WINDOW = 20;

    public Hits search(Query query, boolean latestFirst, int offset, int size) {
        return search(query, null, latestFirst, offset, size, latestFirst ? COUNTED_LATEST : COUNTED_RELEVANT);
    }

    /**
     * {@code rerank} (may be null): scored on the first {@link #RERANK_WINDOW} hits by relevance only and added to their
     * scores. {@code countUpTo}: hits counted exactly by relevance before skipping (at least the page).
     */
    public Hits search(Query query, Query rerank, boolean latestFirst, int offset, int size, int countUpTo) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int n = offset + size;
            boolean reranked = rerank != null && !latestFirst;
            int collected = reranked ? Math.max(n, RERANK_WINDOW) : n;
            TopDocs top = latestFirst
                    ? searcher.search(query, new TopFieldCollectorManager(
                            ArticleDocuments.newestFirst(), n, null, COUNTED_LATEST))
                    : searcher.search(query, new TopScoreDocCollectorManager(collected, null,
                            Math.max(collected, countUpTo)));
            if (reranked && top.scoreDocs.length > 1) {
                top = QueryRescorer.rescore(searcher, top, rerank, 1, collected);
            }
            var stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = offset; i < Math.min(docs.length, n); i++) {
                hits.add(ArticleDocuments.hit(stored.document(docs[i].doc), docs[i].score));
            }
            return new Hits(top.totalHits.value(),
                    top.totalHits.relation() != org.apache.lucene.search.TotalHits.Relation.EQUAL_TO, hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                log.warn("Releasing a knowledge searcher failed", e);
            }
        }
    }

    /**
     * An article of the hybrid ranking with the signals behind its place: its rank by words (BM25, 0 when the words
     * did not find it), its rank by meaning (0 when not among the nearest vectors), and the cosine of question and
     * article (NaN when the article has no vector yet).
     */
    public record Ranked(Hit hit, double fused, int textRank, float textScore, int vectorRank, double cosine) {}

    /**
     * {@code wordHits}: how many articles the words that ranked matched (0: the meaning alone ranked); {@code strict}:
     * those words were the strict query (not the relaxed one).
     */
    public record Ranking(long total, boolean moreThanTotal, List<Ranked> hits, long wordHits, boolean strict) {}

    /** How deep each list is read before fusing. */
    static final int FUSION_DEPTH = 40;

    /**
     * How the two lists are fused: an article's cosine to the question plus {@code WORDS_WEIGHT} × its BM25 score
     * relative to the best BM25 score of the question (0 when the words did not find it). The cosine leads — on
     * spoken questions the meaning alone finds the article first far more often than the words (88 % against 63 % on
     * the spoken set) — and the words break near-ties, which is where they help: a named matter (居住证, 公积金)
     * among articles of one kind. Chosen on bench/smart (recall@1, both question sets): reciprocal rank fusion
     * (k = 60, equal weights) gave 0.77 on the spoken set, weighted 1:3 with k = 20 0.86, this 0.89; 0.02–0.06 all
     * do about as well, from 0.08 on the words start to pull wrong articles up.
     */
    static final double WORDS_WEIGHT = 0.04;

    /**
     * Words and meaning together, on one searcher. {@code text} may be null (nothing searchable in the words: the
     * vector alone ranks); when it matches nothing, {@code relaxed} (may be null) ranks in its place — the nearest
     * vectors, searched once, serve both. {@code vector} may be null (no embedding: the words alone rank).
     * {@code filter} restricts both lists. An article the words did not find is kept only from the cosine
     * {@code meaningOnlyFrom} on (-1: always).
     */
    public Ranking hybrid(Query text, Query relaxed, Query rerank, Query filter, float[] vector, int offset, int size,
                          int countUpTo, double meaningOnlyFrom) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int depth = Math.max(FUSION_DEPTH, offset + size);
            TopDocs words = text == null ? null : words(searcher, text, rerank, filter, depth, countUpTo);
            boolean strict = words != null && words.totalHits.value() > 0;
            if (words != null && !strict && relaxed != null) {
                words = words(searcher, relaxed, rerank, filter, depth, countUpTo);
            }
            Map<Integer, int[]> ranks = new java.util.HashMap<>();
            Map<Integer, Float> textScores = new java.util.HashMap<>();
            long total = 0;
            boolean more = false;
            if (words != null) {
                ScoreDoc[] docs = words.scoreDocs;
                for (int i = 0; i < docs.length; i++) {
                    ranks.computeIfAbsent(docs[i].doc, d -> new int[2])[0] = i + 1;
                    textScores.put(docs[i].doc, docs[i].score);
                }
                total = words.totalHits.value();
                more = words.totalHits.relation() != org.apache.lucene.search.TotalHits.Relation.EQUAL_TO;
            }
            Map<Integer, Double> cosines = new java.util.HashMap<>();
            if (vector != null) {
                ScoreDoc[] near = nearest(searcher, vector, filter, depth);
                for (int i = 0; i < near.length; i++) {
                    ScoreDoc d = near[i];
                    ranks.computeIfAbsent(d.doc, x -> new int[2])[1] = i + 1;
                    cosines.put(d.doc, 2.0 * d.score - 1); // DOT_PRODUCT scores (1 + dot) / 2
                }
                if (words == null) {
                    total = near.length;
                }
            }
            float bestText = textScores.values().stream().max(Float::compare).orElse(1f);
            for (var doc : ranks.keySet()) {
                if (!cosines.containsKey(doc) && vector != null) {
                    cosines.put(doc, cosine(searcher, doc, vector));
                }
            }
            List<Map.Entry<Integer, Double>> fused = new ArrayList<>();
            ranks.forEach((doc, r) -> {
                Double cos = cosines.get(doc);
                if (r[0] == 0 && cos != null && cos < meaningOnlyFrom) {
                    return;
                }
                fused.add(Map.entry(doc, fuse(cos, textScores.getOrDefault(doc, 0f) / Math.max(bestText, 1e-6f))));
            });
            fused.sort(Map.Entry.<Integer, Double>comparingByValue().reversed()
                    .thenComparing(e -> ranks.get(e.getKey())[0] == 0 ? Integer.MAX_VALUE : ranks.get(e.getKey())[0]));
            var stored = searcher.storedFields();
            List<Ranked> out = new ArrayList<>();
            for (int i = offset; i < Math.min(fused.size(), offset + size); i++) {
                int doc = fused.get(i).getKey();
                int[] r = ranks.get(doc);
                Double cos = cosines.get(doc);
                float ts = textScores.getOrDefault(doc, 0f);
                out.add(new Ranked(ArticleDocuments.hit(stored.document(doc), ts), fused.get(i).getValue(), r[0], ts,
                        r[1], cos == null ? Double.NaN : cos));
            }
            return new Ranking(Math.max(total, fused.size()), more, out, words == null ? 0 : total, strict);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                log.warn("Releasing a knowledge searcher failed", e);
            }
        }
    }

    /** The first {@code depth} articles by BM25 within the filter, the head re-ordered by {@code rerank}. */
    private static TopDocs words(IndexSearcher searcher, Query text, Query rerank, Query filter, int depth,
                                 int countUpTo) throws IOException {
        var main = new org.apache.lucene.search.BooleanQuery.Builder()
                .add(text, org.apache.lucene.search.BooleanClause.Occur.MUST)
                .add(filter, org.apache.lucene.search.BooleanClause.Occur.FILTER).build();
        TopDocs top = searcher.search(main, new TopScoreDocCollectorManager(depth, null, Math.max(depth, countUpTo)));
        ScoreDoc[] docs = top.scoreDocs;
        if (rerank == null || docs.length <= 1) {
            return top;
        }
        // The head boost re-orders the first hits only, as the words-only search does.
        int n = Math.min(RERANK_WINDOW, docs.length);
        TopDocs head = new TopDocs(top.totalHits, java.util.Arrays.copyOf(docs, n));
        ScoreDoc[] rescored = QueryRescorer.rescore(searcher, head, rerank, 1, n).scoreDocs;
        ScoreDoc[] merged = docs.clone();
        System.arraycopy(rescored, 0, merged, 0, n);
        return new TopDocs(top.totalHits, merged);
    }

    /** Asked of the graph beyond {@code depth}, so that a few nearest articles outside the filter cost no second search. */
    static final int NEAREST_SPARE = 10;

    /**
     * The {@code depth} nearest vectors within the filter. Asked without the filter first and filtered afterwards: a
     * filtered graph search in Lucene 10.5 gave up on its graph for these filters and scored every accepted vector
     * (exactSearch was a fifth of a hybrid question's Java time on 100,000 articles, bench/smart/search), while the
     * filter usually lets all of the nearest pass — drafts, expired articles and other categories are few. When fewer
     * than {@code depth} of them pass (a narrow category, a region), the filtered search runs as before.
     */
    private static ScoreDoc[] nearest(IndexSearcher searcher, float[] vector, Query filter, int depth)
            throws IOException {
        int asked = depth + NEAREST_SPARE;
        ScoreDoc[] all = searcher.search(new org.apache.lucene.search.KnnFloatVectorQuery(
                ArticleDocuments.VECTOR, vector, asked), asked).scoreDocs;
        ScoreDoc[] passing = passing(searcher, filter, all);
        if (all.length < asked || passing.length >= depth) {
            // Fewer than asked: the graph holds no more live vectors, so the filtered ones are all there are.
            return java.util.Arrays.copyOf(passing, Math.min(depth, passing.length));
        }
        return searcher.search(new org.apache.lucene.search.KnnFloatVectorQuery(
                ArticleDocuments.VECTOR, vector, depth, filter), depth).scoreDocs;
    }

    /** Those of {@code docs} (best first) that the filter accepts, in the same order. */
    private static ScoreDoc[] passing(IndexSearcher searcher, Query filter, ScoreDoc[] docs) throws IOException {
        var weight = searcher.createWeight(searcher.rewrite(filter),
                org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
        ScoreDoc[] byDoc = docs.clone();
        java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(d -> d.doc));
        Set<Integer> accepted = new HashSet<>();
        var leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        org.apache.lucene.search.DocIdSetIterator it = null;
        for (ScoreDoc d : byDoc) {
            int li = org.apache.lucene.index.ReaderUtil.subIndex(d.doc, leaves);
            var leaf = leaves.get(li);
            if (li != leafIndex) {
                leafIndex = li;
                var scorer = weight.scorer(leaf);
                it = scorer == null ? null : scorer.iterator();
            }
            int target = d.doc - leaf.docBase;
            if (it != null && (it.docID() == target || (it.docID() < target && it.advance(target) == target))) {
                accepted.add(d.doc);
            }
        }
        return java.util.Arrays.stream(docs).filter(d -> accepted.contains(d.doc)).toArray(ScoreDoc[]::new);
    }

    /** {@code cosine} null (no question vector) or NaN (no article vector): the words alone. */
    static double fuse(Double cosine, double relativeText) {
        boolean meaning = cosine != null && !cosine.isNaN();
        return meaning ? cosine + WORDS_WEIGHT * relativeText : relativeText;
    }

    /** The cosine of the question and a document outside the nearest list (NaN without a vector). */
    private static double cosine(IndexSearcher searcher, int doc, float[] vector) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        var values = leaf.reader().getFloatVectorValues(ArticleDocuments.VECTOR);
        if (values == null) {
            return Double.NaN;
        }
        var it = values.iterator();
        if (it.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            return Double.NaN;
        }
        return org.openhotline.shared.TextEmbeddings.cosine(values.vectorValue(it.index()), vector);
    }

    /**
     * The terms of {@code field} found in more than {@code ratio} of the articles. They tell almost nothing about which
     * article answers (BM25 gives them near-zero weight) but their long postings are what a query spends its time on.
     */
    public Set<String> common(String field, Collection<String> terms, double ratio) {
        if (terms.isEmpty()) {
            return Set.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                var reader = searcher.getIndexReader();
                double limit = Math.max(reader.numDocs(), 1) * ratio;
                Set<String> out = new HashSet<>();
                for (String t : terms) {
                    if (reader.docFreq(new Term(field, t)) > limit) {
                        out.add(t);
                    }
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How rare a word is in the articles (inverse document frequency), for the answer assistant's passage scores. */
    public double rarity(String word) {
        return rarity(word, false);
    }

    /** {@link #rarity} of a word some article contains; 0 for a word no article contains. */
    public double knownRarity(String word) {
        return rarity(word, true);
    }

    /** BM25's inverse document frequency of the word in the "text" field; {@code known}: 0 when no article has it. */
    private double rarity(String word, boolean known) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int n = Math.max(searcher.getIndexReader().numDocs(), 1);
                int df = searcher.getIndexReader().docFreq(new Term("text", word));
                return known && df == 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Segments of the current searcher: each query pays its term look-ups once per segment. */
    public int segments() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().leaves().size();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized int size() {
        return writer.getDocStats().numDocs;
    }

    /** Closes the writer and folder (tests delete the folder and {@link #open()} again, as after a restart). */
    public synchronized void close() {
        closeQuietly();
        try {
            if (directory != null) {
                directory.close();
                directory = null;
            }
        } catch (IOException e) {
            log.warn("Closing the knowledge index folder failed", e);
        }
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the knowledge index failed", e);
        } finally {
            writer = null;
        }
    }

    @Override
    public void destroy() {
        close();
    }
}
