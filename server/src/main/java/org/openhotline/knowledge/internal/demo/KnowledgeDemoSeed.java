package org.openhotline.knowledge.internal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.knowledge.internal.articles.ArticleEditing;
import org.openhotline.knowledge.internal.articles.Articles;
import org.openhotline.knowledge.internal.articles.RichText;
import org.openhotline.knowledge.internal.articles.Templates;
import org.openhotline.knowledge.internal.categories.Categories;
import org.openhotline.knowledge.internal.categories.Category;
import org.openhotline.knowledge.internal.search.KnowledgeIndex;
import org.openhotline.knowledge.internal.search.Synonyms;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DemoSeed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo knowledge base: the column tree (public columns, an internal column for hotline staff only, the city
 * housing bureau's own private base), 300+ published articles from {@link DemoArticles}, a few drafts and one
 * waiting for review, articles about to expire, a month of views and citations for the hot ranking, the synonym
 * list and the templates.
 */
@Component
class KnowledgeDemoSeed implements DemoSeed {

    private static final Set<String> HOTLINE_ROLES = Set.of("AGENT", "TEAM_LEADER", "DISPATCHER", "CALLBACK_AGENT",
            "SUPERVISOR", "QC_INSPECTOR", "MANAGER");
    static final List<List<String>> SYNONYMS = List.of(
            List.of("社保", "社会保险"), List.of("医保", "医疗保险", "医疗保障"), List.of("公积金", "住房公积金"),
            List.of("噪音", "噪声"), List.of("低保", "最低生活保障"), List.of("驾照", "驾驶证"), List.of("户口", "户籍"),
            List.of("煤气", "燃气", "天然气"), List.of("房产证", "不动产权证书", "不动产登记"), List.of("城管", "城市管理"),
            List.of("欠薪", "拖欠工资", "讨薪"), List.of("网约车", "网络预约出租汽车"), List.of("小孩", "孩子", "儿童", "子女"),
            List.of("上学", "入学"), List.of("违建", "违章搭建", "违法建设"), List.of("打疫苗", "预防接种", "疫苗接种"),
            List.of("退伍军人", "退役军人"), List.of("个税", "个人所得税"), List.of("养老金", "基本养老金", "退休金"),
            List.of("办卡", "预付卡"));

    private final Categories categories;
    private final Articles articles;
    private final KnowledgeIndex index;
    private final Synonyms synonyms;
    private final Templates templates;
    private final Organization organization;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    KnowledgeDemoSeed(Categories categories, Articles articles, KnowledgeIndex index, Synonyms synonyms,
                      Templates templates, Organization organization, JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.categories = categories;
        this.articles = articles;
        this.index = index;
        this.synonyms = synonyms;
        this.templates = templates;
        this.organization = organization;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty(String demoPassword) {
        if (categories.count() > 0) {
            return false;
        }
        var now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        Map<String, Category> byPath = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        int n = 0;
        for (var d : DemoArticles.all()) {
            Category c = category(d.categoryPath(), byPath);
            // A few articles expire within the notice period, so the reminder list has something to show.
            LocalDate expires = n % 97 == 5 ? today.plusDays(10 + n % 15) : null;
            Article a = new Article(0, c.id(), d.title(), d.body(), RichText.text(d.body()),
                    ArticleEditing.normalizeList(d.keywords()), d.region(), d.policy(), today.minusMonths(6), expires,
                    Article.State.PUBLISHED, 1, "kbeditor1", null, null, null, null, null, 0, 0, 0, null, null);
            ids.add(articles.insert(a, now.minusDays(60).plusMinutes(n++)));
        }
        Category own = ownBase();
        if (own != null) {
            ids.add(articles.insert(article(own, "本局夜间施工证明审批内部口径",
                    "<p>夜间施工证明由建管科审批，受理后1个工作日内办结。</p><p>群众来电投诉无证夜间施工的，值班人员应在2小时内通知属地区住建局到场。</p>",
                    Article.State.PUBLISHED), now));
        }
        Category rules = byPath.get("内部业务/受理规范");
        ids.add(articles.insert(article(rules, "节假日值班安排（草稿）", "<p>春节期间热线值班表待班长确认后发布。</p>",
                Article.State.DRAFT), now));
        ids.add(articles.insert(article(byPath.get("公共事业/供水"), "江口区部分路段计划停水通知",
                "<p>因管网改造，江口区望江路沿线将于本周六8:00至18:00停水，请提前储水。</p>", Article.State.PENDING), now));
        jdbc.sql("""
                update kb_article set submitted_by = author, reviewed_by = 'manager', reviewed_at = created_at,
                       published_at = created_at where state = 'PUBLISHED'""").update();
        jdbc.sql("update kb_article set submitted_by = author where state = 'PENDING'").update();
        jdbc.sql("""
                insert into kb_article_version (article_id, revision, title, body_html, body_text, keywords, edited_by,
                                                edited_at, note)
                select id, revision, title, body_html, body_text, keywords, author, created_at, '演示数据' from kb_article""")
                .update();
        usage(ids, today);
        SYNONYMS.forEach(g -> synonyms.save(null, g, "kbeditor1"));
        seedTemplates();
        ids.forEach(index::updateAfterCommit);
        return true;
    }

    private Category category(String path, Map<String, Category> byPath) {
        Category parent = null;
        StringBuilder sofar = new StringBuilder();
        for (String name : path.split("/")) {
            sofar.append(sofar.isEmpty() ? "" : "/").append(name);
            Category existing = byPath.get(sofar.toString());
            if (existing == null) {
                boolean internal = sofar.toString().startsWith("内部业务");
                existing = categories.insert(new Category(0, parent == null ? null : parent.id(), name,
                        internal ? Category.Visibility.INTERNAL : Category.Visibility.PUBLIC, null, null,
                        internal ? HOTLINE_ROLES : Set.of(), Set.of(), true, byPath.size(), 0));
                byPath.put(sofar.toString(), existing);
            }
            parent = existing;
        }
        return parent;
    }

    private Category ownBase() {
        return organization.nodeByCode("ZJJ").map(unit -> categories.insert(new Category(0, null,
                "市住建局独立知识库", Category.Visibility.PRIVATE, unit.id(), unit.path(), Set.of(), Set.of(), true,
                99, 0))).orElse(null);
    }

    private static Article article(Category c, String title, String html, Article.State state) {
        return new Article(0, c.id(), title, html, RichText.text(html), "", "", "", null, null, state, 1, "kbeditor1",
                null, null, null, null, null, 0, 0, 0, null, null);
    }

    /** A month of reading and citing, more on the everyday topics (the first articles of each column). */
    private void usage(List<Long> ids, LocalDate today) {
        Random random = new Random(12345);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            int popularity = i < 80 ? 12 - i / 8 : 1;
            for (int day = 0; day < 30; day++) {
                int views = random.nextInt(popularity + 1);
                int cites = random.nextInt(popularity / 3 + 1);
                if (views + cites > 0) {
                    rows.add(new Object[] {ids.get(i), today.minusDays(day), views, cites});
                }
            }
        }
        batch.batchUpdate("insert into kb_usage (article_id, day, views, citations) values (?, ?, ?, ?)", rows);
        jdbc.sql("""
                update kb_article a set views = u.v, citations = u.c
                  from (select article_id, sum(views) v, sum(citations) c from kb_usage group by article_id) u
                 where u.article_id = a.id""").update();
    }

    private void seedTemplates() {
        templates.seed("办事指南", "<h3>适用对象</h3><p></p><h3>办理条件</h3><p></p><h3>所需材料</h3><p></p>"
                + "<h3>办理流程</h3><p></p><h3>办理时限</h3><p></p><h3>收费标准</h3><p></p><h3>咨询电话</h3><p></p>", "办事指南");
        templates.seed("政策解读", "<h3>政策依据</h3><p></p><h3>主要内容</h3><p></p><h3>适用范围</h3><p></p>"
                + "<h3>施行时间</h3><p></p><h3>常见问题</h3><p></p>", "政策解读");
        templates.seed("常见问答", "<h3>问</h3><p></p><h3>答</h3><p></p><h3>答复口径来源</h3><p></p>", "常见问答");
        templates.seed("停水停电停气通知", "<h3>影响范围</h3><p></p><h3>时间</h3><p></p><h3>原因</h3><p></p>"
                + "<h3>咨询电话</h3><p></p>", "停水,停电,停气,通知");
    }
}
