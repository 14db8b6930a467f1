package org.openhotline.knowledge.internal.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.knowledge.internal.categories.Categories;
import org.openhotline.knowledge.internal.categories.Category;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.stereotype.Service;

/**
 * The search box: articles the caller may read, found by Lucene and returned with the matched words highlighted in
 * title and snippet, plus the units whose duties match (部门黄页). Staff see published articles that are in force;
 * editors may also look at drafts, pending and unpublished ones. A search that finds no article is recorded for
 * the editors (查无信息).
 */
@Service
public class KnowledgeSearch {

    private final KnowledgeIndex index;
    private final Categories categories;
    private final Synonyms synonyms;
    private final Misses misses;
    private final Organization organization;
    private final ArticleVectors vectors;
    private final Clock clock;
    private final boolean semantic;
    private volatile SearchGate gate;

    KnowledgeSearch(KnowledgeIndex index, Categories categories, Synonyms synonyms, Misses misses,
                    Organization organization, ArticleVectors vectors, Clock clock,
                    @org.springframework.beans.factory.annotation.Value("${hotline.knowledge.semantic:true}")
                    boolean semantic,
                    @org.springframework.beans.factory.annotation.Value("${hotline.knowledge.parallel-searches:0}")
                    int parallel) {
        parallelSearches(parallel);
        this.vectors = vectors;
        this.semantic = semantic;
        this.index = index;
        this.categories = categories;
        this.synonyms = synonyms;
        this.misses = misses;
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * How many questions are worked on at once ({@link SearchGate}); 0: twice as many as there are cores. Read from
     * {@code hotline.knowledge.parallel-searches}; the speed bench changes it to compare.
     */
    public void parallelSearches(int parallel) {
        this.gate = new SearchGate(parallel > 0 ? parallel : 2 * Runtime.getRuntime().availableProcessors());
    }

    public record Request(String q, Long categoryId, String region, Article.State state, boolean includeExpired,
                          boolean latestFirst, int page, int size) {}

    public record Hit(long id, String title, String titleHtml, String snippetHtml, long categoryId,
                      String categoryName, String keywords, String state, String regions, String expiresOn,
                      float score) {}

    public record Unit(long id, String name, String dutiesHtml, String contactPhone, String address) {}

    /** {@code relaxed}: nothing matched enough of the query, these results match part of it. */
    public record Answer(List<Hit> items, long total, boolean totalIsLowerBound, boolean relaxed, int page, int size,
                         List<Unit> units, List<String> terms, long tookMs) {}

    /** Words in more than this share of the articles are left out of the query (see {@link KnowledgeIndex#common}). */
    static final double COMMON = 0.2;

    /** What a query text means once synonyms are applied: the Lucene query and the words to highlight. */
    /** {@code spoken}: a whole question (three words or more) rather than a keyword or two. */
    /** {@code rerank}: added to the scores of the first hits (title and keyword words), may be null. */
    public record Parsed(Query query, Query relaxed, Query rerank, List<String> highlight, List<String> words,
                         boolean spoken) {}

    public Parsed parse(String q) {
        QueryText t = QueryText.read(q, synonyms.mentions(ChineseText.normalize(q)));
        if (t.isEmpty()) {
            return new Parsed(null, null, null, t.highlight(), t.words(), false);
        }
        QueryText rare = t.withoutCommon(index.common("text", t.slotWords(), COMMON),
                index.common("body_bi", t.grams(), COMMON));
        return new Parsed(SearchQueries.text(rare, false), SearchQueries.text(rare, true), SearchQueries.headBoost(rare),
                t.highlight(), t.words(), rare.slots().size() >= 3);
    }

    /**
     * A search box takes a question, not a document; longer input is refused before it is analysed. Also applied to
     * the title filter of the article list.
     */
    public static void checkQuery(String q) {
        if (q != null && q.length() > 200) {
            throw DomainException.badRequest("检索词不超过 200 个字");
        }
    }

    public Answer search(StaffPrincipal caller, Request r) {
        long start = System.nanoTime();
        Answer answer = gate.run(() -> answer(caller, r, start));
        if (answer.relaxed() && r.page() == 1) {
            misses.record(r.q().strip(), caller.username()); // nothing answers it well: the editors should know
        }
        return answer;
    }

    private Answer answer(StaffPrincipal caller, Request r, long start) {
        Map<Long, Category> readable = categories.all().stream().filter(c -> c.canRead(caller))
                .collect(Collectors.toMap(Category::id, c -> c));
        Set<Long> allowed = r.categoryId() == null ? readable.keySet() : subtree(readable, r.categoryId());
        String text = r.q() == null ? "" : r.q().strip();
        Parsed parsed = text.isEmpty() ? new Parsed(null, null, null, List.of(), List.of(), false) : parse(text);
        if (allowed.isEmpty() || (!text.isEmpty() && parsed.query() == null)) {
            return new Answer(List.of(), 0, false, false, r.page(), r.size(), List.of(), parsed.highlight(),
                    elapsed(start));
        }
        var filters = filters(caller, r, allowed);
        boolean latest = r.latestFirst() || text.isEmpty();
        int offset = (r.page() - 1) * r.size();
        // A whole question is not counted: one hit past the page says there is a next page, and block-max WAND
        // skips from the first full page on. Keywords keep a count (up to 100) for the "找到 N 条" line.
        int counted = parsed.spoken() && !latest ? offset + r.size() + 1 : KnowledgeIndex.COUNTED_RELEVANT;
        KnowledgeIndex.Hits hits;
        boolean strictFound;
        if (latest) {
            hits = index.search(with(parsed.query() == null ? new MatchAllDocsQuery() : parsed.query(), filters),
                    parsed.rerank(), true, offset, r.size(), counted);
            strictFound = hits.total() > 0;
        } else {
            var ranking = rank(parsed, semantic ? vectors.question(text) : null, Mode.HYBRID, filter(filters), offset,
                    r.size(), counted, MEANING_ONLY_FROM);
            strictFound = ranking.strict();
            hits = new KnowledgeIndex.Hits(ranking.ranking().total(), ranking.ranking().moreThanTotal(),
                    ranking.ranking().hits().stream().map(h -> h.hit()).toList());
        }
        List<Hit> items = new ArrayList<>();
        for (var h : hits.hits()) {
            Category c = readable.get(h.categoryId());
            items.add(new Hit(h.id(), h.title(), Highlights.mark(h.title(), parsed.highlight()),
                    Highlights.snippet(h.body(), parsed.highlight(), 120), h.categoryId(),
                    c == null ? "" : c.name(), h.keywords(), h.state(), h.regions(), h.expiresOn(), h.score()));
        }
        List<Unit> units = List.of();
        if (!text.isEmpty() && r.page() == 1) {
            units = unitsFor(parsed.words()).stream().map(u -> unit(u, parsed.highlight())).toList();
        }
        return new Answer(items, hits.total(), hits.moreThanTotal(), !strictFound && !text.isEmpty(), r.page(),
                r.size(), units, parsed.highlight(), elapsed(start));
    }

    private List<Query> filters(StaffPrincipal caller, Request r, Set<Long> allowed) {
        List<Query> f = new ArrayList<>();
        f.add(SearchQueries.inSet("cat", allowed.stream().map(String::valueOf).toList()));
        Article.State state = caller.can("knowledge:edit") && r.state() != null ? r.state() : Article.State.PUBLISHED;
        f.add(new TermQuery(new Term("state", state.name())));
        if (state == Article.State.PUBLISHED && !(r.includeExpired() && caller.can("knowledge:edit"))) {
            f.add(SearchQueries.validOn(LocalDate.now(clock).toEpochDay()));
        }
        if (r.region() != null && !r.region().isBlank()) {
            f.add(SearchQueries.inSet("region", List.of("ALL", r.region().strip())));
        }
        return f;
    }

    private static Query with(Query main, List<Query> filters) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(main, Occur.MUST);
        filters.forEach(f -> b.add(f, Occur.FILTER));
        return b.build();
    }

    /** Which signals rank: words and meaning fused (what the platform uses), or one alone (for comparison). */
    public enum Mode { HYBRID, WORDS, MEANING }

    /** {@code strict}: the words matched strictly (otherwise the relaxed query, or the meaning alone, ranked). */
    public record Candidates(KnowledgeIndex.Ranking ranking, Parsed parsed, boolean strict) {}

    /**
     * The best live, published articles the caller reads for a question, with the signals behind their ranks, for
     * the answer assistant and the evaluation (no paging, nothing recorded).
     */
    public Candidates candidates(StaffPrincipal caller, String q, Mode mode, int n) {
        return gate.run(() -> rankCandidates(caller, q, mode, n));
    }

    private Candidates rankCandidates(StaffPrincipal caller, String q, Mode mode, int n) {
        String text = q == null ? "" : q.strip();
        var allowed = categories.readableIds(caller);
        Parsed parsed = text.isEmpty() ? new Parsed(null, null, null, List.of(), List.of(), false) : parse(text);
        if (allowed.isEmpty() || text.isEmpty()) {
            return new Candidates(new KnowledgeIndex.Ranking(0, false, List.of(), 0, false), parsed, false);
        }
        Query filter = filter(List.of(SearchQueries.inSet("cat", allowed.stream().map(String::valueOf).toList()),
                new TermQuery(new Term("state", Article.State.PUBLISHED.name())),
                SearchQueries.validOn(LocalDate.now(clock).toEpochDay())));
        float[] vector = mode == Mode.WORDS || !semantic ? null : vectors.question(text);
        return rank(parsed, vector, mode, filter, 0, n, n, -1);
    }

    /**
     * How much of what the question is about an article mentions: {@code cover} is the share, weighted by rarity, of
     * the question's words (a synonym group counts as one) that occur in the article's title, keywords or body;
     * {@code missing} the rarest of them it does not mention (null when none is missing). Words no article contains
     * are left out: a colloquial word or a typo (娃, 社宝卡) is the meaning's business, not a sign the base lacks the
     * matter; a word the base knows that the nearest article never mentions (公租房 asked, 住房公积金 found) is.
     */
    public record KeyTerms(double cover, String missing) {}

    public KeyTerms keyTerms(String q, KnowledgeIndex.Hit article) {
        QueryText t = QueryText.read(q, synonyms.mentions(ChineseText.normalize(q)));
        String text = ChineseText.normalize(article.title() + " " + article.keywords() + " " + article.body());
        double total = 0;
        double covered = 0;
        double heaviestMissing = 0;
        String missing = null;
        for (List<List<String>> slot : t.slots()) {
            double weight = 0;
            String name = null;
            for (List<String> alternative : slot) {
                for (String w : alternative) {
                    if (w.length() < 2) {
                        continue; // one character (房, 卡) says little alone
                    }
                    double r = index.knownRarity(w);
                    if (r > weight) {
                        weight = r;
                        name = w;
                    }
                }
            }
            if (weight == 0) {
                continue;
            }
            total += weight;
            boolean mentioned = slot.stream().anyMatch(alt -> !alt.isEmpty() && alt.stream().allMatch(text::contains));
            if (mentioned) {
                covered += weight;
            } else if (weight > heaviestMissing) {
                heaviestMissing = weight;
                missing = name;
            }
        }
        return new KeyTerms(total == 0 ? 1 : covered / total, missing);
    }

    /**
     * In the search box, an article found by meaning alone (none of the words) is listed from this cosine on: below
     * it the nearest articles are noise to someone who typed a word (half of the questions outside the knowledge base
     * have their nearest article under 0.5, in-base spoken questions nine times in ten above 0.54).
     */
    static final double MEANING_ONLY_FROM = 0.5;

    /** Strict words first; when they find nothing, the relaxed words; the meaning beside both unless left out. */
    private Candidates rank(Parsed parsed, float[] vector, Mode mode, Query filter, int offset, int size, int counted,
                            double meaningOnlyFrom) {
        Query words = mode == Mode.MEANING ? null : parsed.query();
        Query relaxed = mode == Mode.MEANING ? null : parsed.relaxed();
        var ranking = index.hybrid(words, relaxed, parsed.rerank(), filter, vector, offset, size, counted,
                meaningOnlyFrom);
        return new Candidates(ranking, parsed, ranking.strict());
    }

    private static Query filter(List<Query> filters) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        filters.forEach(f -> b.add(f, Occur.FILTER));
        return b.build();
    }

    /** The yellow pages change rarely and the same words come back all day: answers are kept a minute. */
    private List<OrgNode> unitsFor(List<String> words) {
        long now = System.nanoTime();
        var cached = unitCache.get(words);
        if (cached != null && now - cached.at() < 60_000_000_000L) {
            return cached.units();
        }
        var units = organization.unitsByDuty(words, 5);
        if (unitCache.size() > 5000) {
            unitCache.clear();
        }
        unitCache.put(List.copyOf(words), new CachedUnits(units, now));
        return units;
    }

    private record CachedUnits(List<OrgNode> units, long at) {}

    private final Map<List<String>, CachedUnits> unitCache = new java.util.concurrent.ConcurrentHashMap<>();

    private static Unit unit(OrgNode u, List<String> terms) {
        String duties = u.duties() == null ? "" : u.duties();
        return new Unit(u.id(), u.name(), Highlights.mark(duties, terms), u.contactPhone(), u.address());
    }

    /** The category and every category below it that the caller reads. */
    static Set<Long> subtree(Map<Long, Category> readable, long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        readable.values().forEach(c -> {
            if (c.parentId() != null) {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c.id());
            }
        });
        Set<Long> out = new LinkedHashSet<>();
        List<Long> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            Long id = todo.removeLast();
            if (readable.containsKey(id) && out.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return out;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
