package org.openhotline.reporting.internal.reports;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.stereotype.Component;

/** Every report, call reports first, in the order the catalogue lists them. */
@Component
class ReportCatalog {

    private final List<Report> reports;

    ReportCatalog() {
        List<Report> all = new ArrayList<>(CallReports.all());
        all.addAll(OrderReports.all());
        all.add(ChatReports.chats());
        this.reports = List.copyOf(all);
    }

    List<Report> all() {
        return reports;
    }

    Report required(String code) {
        return reports.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> DomainException.notFound("没有编码为“" + code + "”的报表"));
    }
}
