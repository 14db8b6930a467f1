package org.openhotline.operations.internal.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** A .docx of headings, paragraphs and tables (Apache POI XWPF), the shape of the inspection reports. */
final class InspectionDocument implements AutoCloseable {

    static final String CHECK_TABLE_HEADER = "巡检项";
    private final XWPFDocument doc = new XWPFDocument();

    InspectionDocument title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        r.setBold(true);
        r.setFontSize(20);
        r.setText(text);
        return this;
    }

    InspectionDocument heading(String text) {
        XWPFRun r = doc.createParagraph().createRun();
        r.setBold(true);
        r.setFontSize(15);
        r.setText(text);
        return this;
    }

    InspectionDocument text(String text) {
        doc.createParagraph().createRun().setText(text);
        return this;
    }

    InspectionDocument table(List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size(), rows.getFirst().size());
        table.setWidth("100%");
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.get(i).size(); j++) {
                var cell = table.getRow(i).getCell(j);
                cell.removeParagraph(0);
                XWPFRun r = cell.addParagraph().createRun();
                r.setBold(i == 0);
                r.setText(rows.get(i).get(j));
            }
        }
        doc.createParagraph();
        return this;
    }

    byte[] bytes() {
        try (var out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
