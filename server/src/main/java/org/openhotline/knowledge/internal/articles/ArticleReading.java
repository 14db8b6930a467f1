package org.openhotline.knowledge.internal.articles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.openhotline.knowledge.internal.categories.Categories;
import org.openhotline.knowledge.internal.categories.Category;
import org.openhotline.knowledge.internal.files.Attachments;
import org.openhotline.knowledge.internal.usage.Favourites;
import org.openhotline.knowledge.internal.usage.Usage;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.stereotype.Service;

/**
 * Reading articles with the caller's rights: staff read published articles of the columns they see; those who may
 * edit or review a column also see its drafts and pending and unpublished articles. Reading a published article
 * counts a view for the hot ranking.
 */
@Service
public class ArticleReading {

    private final Articles articles;
    private final Revisions revisions;
    private final Categories categories;
    private final Attachments attachments;
    private final Favourites favourites;
    private final Usage usage;
    private final Clock clock;

    ArticleReading(Articles articles, Revisions revisions, Categories categories, Attachments attachments,
                   Favourites favourites, Usage usage, Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.categories = categories;
        this.attachments = attachments;
        this.favourites = favourites;
        this.usage = usage;
        this.clock = clock;
    }

    /** {@code revision}: the open revision of a published article (在线修订), shown to its column's staff only. */
    public record Detail(Article article, String categoryName, boolean live, boolean canEdit, boolean canReview,
                         List<Attachments.Info> attachments, boolean favourite, String note, Revision revision) {}

    public Detail read(StaffPrincipal caller, long id, boolean countView) {
        Article a = visible(caller, id);
        Category c = categories.get(a.categoryId());
        if (countView && a.state() == Article.State.PUBLISHED) {
            usage.viewed(id);
        }
        var fav = favourites.of(caller.accountId(), id);
        boolean staff = c.canEdit(caller) || c.canReview(caller);
        return new Detail(a, c.name(), a.live(LocalDate.now(clock)), c.canEdit(caller), c.canReview(caller),
                attachments.list(id), fav.isPresent(), fav.map(Favourites.Favourite::note).orElse(""),
                staff && a.state() == Article.State.PUBLISHED ? revisions.find(id).orElse(null) : null);
    }

    public Article visible(StaffPrincipal caller, long id) {
        Article a = articles.get(id);
        Category c = categories.get(a.categoryId());
        boolean staffOfColumn = c.canEdit(caller) || c.canReview(caller);
        if (!c.canRead(caller) || (a.state() != Article.State.PUBLISHED && !staffOfColumn)) {
            throw DomainException.notFound("知识不存在或您无权查看");
        }
        return a;
    }

    public PageResult<Article> list(StaffPrincipal caller, Long categoryId, Article.State state, String text, int page,
                                    int size) {
        var all = categories.all();
        Set<Long> ids = new java.util.HashSet<>();
        for (Category c : all) {
            boolean staff = c.canEdit(caller) || c.canReview(caller);
            boolean readable = c.canRead(caller) && (staff || state == Article.State.PUBLISHED);
            if (readable && (categoryId == null || c.id() == categoryId || descends(all, c, categoryId))) {
                ids.add(c.id());
            }
        }
        return articles.list(ids, state, text, page, size);
    }

    /** Pending articles in the columns the caller reviews (审核队列). */
    public PageResult<Article> reviewQueue(StaffPrincipal caller, int page, int size) {
        var ids = categories.all().stream().filter(c -> c.canRead(caller) && c.canReview(caller)).map(Category::id)
                .toList();
        return articles.list(ids, Article.State.PENDING, null, page, size);
    }

    /** Pending revisions of live articles in the columns the caller reviews. */
    public List<Revision> pendingRevisions(StaffPrincipal caller) {
        return revisions.pending(categories.all().stream().filter(c -> c.canRead(caller) && c.canReview(caller))
                .map(Category::id).toList());
    }

    /** The article, for those who edit or review its column only (revisions are theirs, not the readers'). */
    public Article staffOfColumn(StaffPrincipal caller, long id) {
        Article a = visible(caller, id);
        Category c = categories.get(a.categoryId());
        if (!c.canEdit(caller) && !c.canReview(caller)) {
            throw DomainException.notFound("该知识没有修订稿");
        }
        return a;
    }

    private static boolean descends(List<Category> all, Category c, long ancestor) {
        Long p = c.parentId();
        int guard = 0;
        while (p != null && guard++ < 20) {
            if (p == ancestor) {
                return true;
            }
            Long current = p;
            p = all.stream().filter(x -> x.id() == current).findFirst().map(Category::parentId).orElse(null);
        }
        return false;
    }
}
