package org.openhotline.reporting.internal.periodic;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Writes a periodic report as .docx (Apache POI XWPF): title, the manager's commentary, then the KPI table (指标,
 * 分子, 分母, 数值, 目标, 达标) with a chart of the percentages against their targets, intake by channel (with a chart),
 * category and district, units by overdue assignments and rising categories. Numbers are written plainly (no
 * grouping separators), as the KPI API answers them.
 */
final class ReportDocument {

    static final String KPI_TABLE_HEADER = "指标";

    private ReportDocument() {}

    static byte[] write(ReportContent c, String commentary, String state) {
        try (XWPFDocument doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun t = title.createRun();
            t.setBold(true);
            t.setFontSize(20);
            t.setText("12345 政务服务便民热线 " + c.title() + "（" + state + "）");
            text(doc, "统计期间：" + c.from() + " 至 " + c.to() + "。数字按系统统计口径（rpt_kpi）计算，与统计分析页面一致。");

            heading(doc, "一、分析与意见");
            for (String line : (commentary == null || commentary.isBlank() ? "（业务主管尚未填写分析意见）" : commentary).split("\n")) {
                text(doc, line);
            }

            heading(doc, "二、主要指标完成情况");
            List<List<String>> kpis = new ArrayList<>();
            kpis.add(List.of(KPI_TABLE_HEADER, "编码", "分子", "分母", "数值", "目标", "达标"));
            for (var k : c.kpis()) {
                boolean pct = "PERCENT".equals(k.unit());
                kpis.add(List.of(k.name(), k.code(), plain(k.numerator()), plain(k.denominator()), value(k.value(), pct),
                        k.target() == null ? "—" : (k.higherIsBetter() ? "≥ " : "≤ ") + value(k.target(), pct),
                        k.met() == null ? "—" : k.met() ? "达标" : "未达标"));
            }
            table(doc, kpis);
            var percent = c.kpis().stream().filter(k -> "PERCENT".equals(k.unit()) && k.value() != null).toList();
            if (!percent.isEmpty()) {
                picture(doc, ReportCharts.bars("主要指标与目标（%）", percent.stream().map(ReportContent.Kpi::name).toList(),
                        percent.stream().map(ReportContent.Kpi::value).toList(),
                        percent.stream().map(ReportContent.Kpi::target).toList(), ""), "kpis.png");
            }

            heading(doc, "三、受理情况");
            text(doc, "按渠道：");
            table(doc, counts("渠道", c.channels()));
            if (!c.channels().isEmpty()) {
                picture(doc, ReportCharts.bars("受理渠道分布（件）", c.channels().stream().map(ReportContent.Count::label).toList(),
                        c.channels().stream().map(ReportContent.Count::count).toList(), null, ""), "channels.png");
            }
            text(doc, "按诉求分类：");
            table(doc, counts("诉求分类", c.categories()));
            text(doc, "按区县：");
            table(doc, counts("区县", c.districts()));

            heading(doc, "四、承办单位超期情况（前 " + ReportContents.TOP + " 名）");
            List<List<String>> units = new ArrayList<>();
            units.add(List.of("承办单位", "期内到期派单", "超期派单"));
            c.units().forEach(u -> units.add(List.of(u.unit(), String.valueOf(u.due()), String.valueOf(u.overdue()))));
            table(doc, units);

            heading(doc, "五、热点诉求（与上一同长期间相比）");
            List<List<String>> topics = new ArrayList<>();
            topics.add(List.of("诉求分类", "本期", "上期", "增减"));
            c.topics().forEach(r -> topics.add(List.of(r.category(), String.valueOf(r.count()), String.valueOf(r.previous()),
                    String.format("%+d", r.count() - r.previous()))));
            table(doc, topics);

            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> counts(String what, List<ReportContent.Count> counts) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(what, "工单数"));
        counts.forEach(c -> rows.add(List.of(c.label() == null ? "未指定" : c.label(), String.valueOf(c.count()))));
        return rows;
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFRun r = doc.createParagraph().createRun();
        r.setBold(true);
        r.setFontSize(15);
        r.setText(text);
    }

    private static void text(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    private static void table(XWPFDocument doc, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size(), rows.getFirst().size());
        table.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableRow row = table.getRow(i);
            for (int j = 0; j < rows.get(i).size(); j++) {
                var cell = row.getCell(j);
                cell.removeParagraph(0);
                XWPFRun r = cell.addParagraph().createRun();
                r.setBold(i == 0);
                r.setText(rows.get(i).get(j));
            }
        }
        doc.createParagraph();
    }

    private static void picture(XWPFDocument doc, byte[] png, String name) throws IOException {
        try {
            doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, name,
                    Units.pixelToEMU(ReportCharts.WIDTH / 2), Units.pixelToEMU(ReportCharts.HEIGHT / 2));
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    static String plain(BigDecimal n) {
        return n == null ? "—" : n.stripTrailingZeros().toPlainString();
    }

    private static String value(BigDecimal v, boolean percent) {
        return v == null ? "—" : plain(v) + (percent ? "%" : " 秒");
    }
}
