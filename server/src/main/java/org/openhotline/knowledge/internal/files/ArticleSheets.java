package org.openhotline.knowledge.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.knowledge.internal.articles.ArticleEditing;
import org.openhotline.knowledge.internal.articles.ArticleReading;
import org.openhotline.knowledge.internal.articles.Articles;
import org.openhotline.knowledge.internal.articles.RichText;
import org.openhotline.knowledge.internal.categories.Categories;
import org.openhotline.knowledge.internal.categories.Category;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.ExcelSheets;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Articles in and out of files: an Excel sheet of many articles (checked row by row; one bad row and nothing is
 * imported), a Word .docx as one article (headings kept as headings), and a column exported to Excel.
 */
@Service
public class ArticleSheets {

    static final List<String> HEADERS = List.of("栏目", "标题", "正文", "关键词", "适用区域", "政策依据", "生效日期", "失效日期");
    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d")};

    private final Categories categories;
    private final ArticleEditing editing;
    private final Articles articles;

    ArticleSheets(Categories categories, ArticleEditing editing, Articles articles) {
        this.categories = categories;
        this.editing = editing;
        this.articles = articles;
    }

    public record RowError(int row, String message) {}

    public record Result(int imported, List<Long> ids) {}

    public byte[] template() {
        return ExcelSheets.write("知识导入", HEADERS, List.of(List.of("社会保障/社会保险", "灵活就业人员如何参加职工养老保险",
                "灵活就业人员可持身份证到户籍所在地社保经办窗口或通过“江州人社”APP办理参保登记。\n缴费基数可在全市上年度职工平均工资的60%至300%之间自选。",
                "灵活就业,养老保险,参保", "", "《江州市灵活就业人员参加基本养老保险办法》", "2026-01-01", "")));
    }

    public Result importSheet(StaffPrincipal caller, List<ExcelSheets.SheetRow> rows) {
        if (rows.isEmpty()) {
            throw DomainException.invalid("文件中没有数据行");
        }
        Map<String, Category> byName = writableByName(caller);
        List<RowError> errors = new ArrayList<>();
        List<ArticleEditing.Content> contents = new ArrayList<>();
        for (var row : rows) {
            List<String> problems = new ArrayList<>();
            Category c = byName.get(row.cell(0));
            if (row.cell(0).isBlank()) {
                problems.add("栏目不能为空");
            } else if (c == null) {
                problems.add("栏目“" + row.cell(0) + "”不存在或您没有编辑权限");
            }
            if (row.cell(1).isBlank()) {
                problems.add("标题不能为空");
            } else if (row.cell(1).length() > 200) {
                problems.add("标题超过 200 个字");
            }
            if (row.cell(2).isBlank()) {
                problems.add("正文不能为空");
            }
            LocalDate from = date(row.cell(6), "生效日期", problems);
            LocalDate to = date(row.cell(7), "失效日期", problems);
            if (from != null && to != null && to.isBefore(from)) {
                problems.add("失效日期早于生效日期");
            }
            if (!problems.isEmpty()) {
                errors.add(new RowError(row.number(), String.join("；", problems)));
            } else {
                contents.add(new ArticleEditing.Content(c.id(), row.cell(1), RichText.fromText(row.cell(2)),
                        row.cell(3), row.cell(4), row.cell(5), from, to));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "import-rejected",
                    "有 " + errors.size() + " 行数据有误，未导入任何数据，请修改后重新导入").with("errors", errors);
        }
        List<Long> ids = editing.createAll(caller, contents, "Excel 导入");
        return new Result(ids.size(), ids);
    }

    /** One .docx as one draft: the first heading (or first paragraph) is the title. */
    public Article importDocx(StaffPrincipal caller, long categoryId, String fileName, InputStream in) {
        String title = null;
        StringBuilder html = new StringBuilder();
        try (XWPFDocument doc = new XWPFDocument(in)) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                String text = p.getText() == null ? "" : p.getText().strip();
                if (text.isEmpty()) {
                    continue;
                }
                String style = p.getStyle() == null ? "" : p.getStyle().toLowerCase(java.util.Locale.ROOT);
                boolean heading = style.startsWith("heading") || style.startsWith("title") || style.matches("\\d");
                if (title == null && (heading || html.isEmpty())) {
                    title = text;
                    continue;
                }
                html.append(heading ? "<h3>" : "<p>").append(RichText.escape(text)).append(heading ? "</h3>" : "</p>");
            }
        } catch (IOException | RuntimeException e) {
            throw DomainException.badRequest("无法读取 Word 文件，请上传 .docx 格式的文档");
        }
        if (title == null) {
            throw DomainException.invalid("Word 文档没有内容");
        }
        if (html.isEmpty()) {
            throw DomainException.invalid("Word 文档只有标题，没有正文");
        }
        String source = fileName == null ? "" : "Word 导入：" + fileName;
        return editing.create(caller, new ArticleEditing.Content(categoryId, title, html.toString(), "", "", source,
                null, null));
    }

    public byte[] export(StaffPrincipal caller, long categoryId, ArticleReading reading) {
        Category c = categories.visible(categoryId, caller, x -> true, "");
        List<List<?>> rows = new ArrayList<>();
        int page = 1;
        while (true) {
            var p = reading.list(caller, categoryId, null, null, page++, 200);
            for (Article a : p.items()) {
                rows.add(List.of(pathOf(a.categoryId()), a.title(), a.bodyText(), a.keywords(), a.regions(),
                        a.sourcePolicy(), a.effectiveFrom() == null ? "" : a.effectiveFrom().toString(),
                        a.expiresOn() == null ? "" : a.expiresOn().toString(), a.state().label(), a.revision(),
                        a.views(), a.citations()));
            }
            if (p.items().size() < 200) {
                break;
            }
        }
        var headers = new ArrayList<>(HEADERS);
        headers.addAll(List.of("状态", "版本", "浏览", "引用"));
        return ExcelSheets.write(c.name().length() > 30 ? c.name().substring(0, 30) : c.name(), headers, rows);
    }

    /** Columns by their path ("社会保障/社会保险") and, when unique, by their own name. */
    private Map<String, Category> writableByName(StaffPrincipal caller) {
        var all = categories.all();
        Map<String, Category> out = new HashMap<>();
        Map<String, Integer> nameCount = new HashMap<>();
        all.forEach(c -> nameCount.merge(c.name(), 1, Integer::sum));
        for (Category c : all) {
            if (!c.canRead(caller) || !c.canEdit(caller)) {
                continue;
            }
            out.put(path(all, c), c);
            if (nameCount.get(c.name()) == 1) {
                out.putIfAbsent(c.name(), c);
            }
        }
        return out;
    }

    private String pathOf(long categoryId) {
        var all = categories.all();
        return all.stream().filter(c -> c.id() == categoryId).findFirst().map(c -> path(all, c)).orElse("");
    }

    static String path(List<Category> all, Category c) {
        List<String> names = new ArrayList<>();
        Category cur = c;
        int guard = 0;
        while (cur != null && guard++ < 20) {
            names.addFirst(cur.name());
            Long p = cur.parentId();
            cur = p == null ? null : all.stream().filter(x -> x.id() == p).findFirst().orElse(null);
        }
        return String.join("/", names);
    }

    private static LocalDate date(String text, String label, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text.strip(), f);
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        problems.add(label + "“" + text + "”格式不正确，应为 2026-01-31");
        return null;
    }
}
