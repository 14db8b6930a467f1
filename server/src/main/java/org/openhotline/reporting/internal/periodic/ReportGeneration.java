package org.openhotline.reporting.internal.periodic;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates a report's figures in the background, recording its progress on the row so that the screen can show
 * it; a failure leaves the report FAILED with the reason, ready to be regenerated.
 */
@Component
class ReportGeneration {

    private static final Logger log = LoggerFactory.getLogger(ReportGeneration.class);

    private final PeriodicReports reports;
    private final ReportContents contents;
    private final JsonMapper json;

    ReportGeneration(PeriodicReports reports, ReportContents contents, JsonMapper json) {
        this.reports = reports;
        this.contents = contents;
        this.json = json;
    }

    void start(long id) {
        Thread.ofVirtual().name("periodic-report-" + id).start(() -> run(id));
    }

    void run(long id) {
        var r = reports.required(id);
        try {
            var from = r.from();
            var to = r.to();
            reports.progress(id, 5);
            var kpis = contents.kpis(from, to);
            reports.progress(id, 50);
            var channels = contents.channels(from, to);
            var categories = contents.categories(from, to);
            var districts = contents.districts(from, to);
            reports.progress(id, 70);
            var units = contents.units(from, to);
            reports.progress(id, 85);
            var topics = contents.topics(from, to);
            var content = new ReportContent(r.title(), from.toString(), to.toString(), kpis, channels, categories,
                    districts, units, topics);
            reports.generated(id, json.writeValueAsString(content));
        } catch (RuntimeException e) {
            log.warn("Periodic report {} failed", id, e);
            reports.failed(id, "生成失败：" + e.getClass().getSimpleName());
        }
    }

    /** The .docx of a report: the frozen one when published, else built from its figures and current commentary. */
    byte[] document(PeriodicReports.Report r) {
        return reports.document(r.id()).orElseGet(() -> {
            String content = reports.content(r.id());
            if (content == null) {
                throw org.openhotline.shared.DomainException.conflict("报告尚未生成完成，暂无文档");
            }
            return ReportDocument.write(json.readValue(content, ReportContent.class), r.commentary(),
                    "PUBLISHED".equals(r.state()) ? "正式" : "草稿");
        });
    }
}
