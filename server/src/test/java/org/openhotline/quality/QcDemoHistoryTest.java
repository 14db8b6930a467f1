package org.openhotline.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.shared.DemoHistory;
import org.openhotline.shared.HistoryPlan;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Quality's part of the demo history on a month of 2001 of this test's own: two plans drawn (calls and recorded
 * orders), results scored, one appealed, a calibration half done; a second run adds nothing. Removed afterwards.
 */
@HotlineTest
class QcDemoHistoryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<DemoHistory> histories;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void theDemoShowsInspectionsAnAppealAndACalibration() {
        YearMonth month = YearMonth.of(2001, 5);
        var f = new QualityFixture(port, jdbc);
        f.calls("demo-qc", "agent8", month, 40, 4);
        f.calls("demo-qc", "agent9", month, 30, 0);
        var plan = HistoryPlan.of(month.atDay(1), month.plusMonths(1).atDay(3), calendar.zone(), calendar::isWorkingDay, 0, 0, 77L);
        DemoHistory qc = histories.stream().filter(h -> h.getClass().getSimpleName().startsWith("QcDemoHistory")).findFirst().orElseThrow();
        try {
            assertThat(qc.seedHistory(plan)).as("tasks drawn: 0.5 % of 40 and of 30, rounded up").isEqualTo(2);
            assertThat(qc.seedHistory(plan)).as("a second run adds nothing").isZero();
            assertThat(count("select count(*) from qc_plan where name like '演示抽检%' and month = '2001-05'")).isEqualTo(2);
            assertThat(count("""
                    select count(*) from qc_inspection i join qc_plan p on p.id = i.plan_id
                     where p.month = '2001-05' and i.state in ('SUBMITTED', 'CONFIRMED', 'APPEALED')""")).isPositive();
            assertThat(count("""
                    select count(*) from qc_inspection i join qc_plan p on p.id = i.plan_id
                     where p.month = '2001-05' and i.state = 'APPEALED'""")).isEqualTo(1);
            assertThat(count("""
                    select count(*) from qc_inspection i join qc_calibration c on c.id = i.calibration_id
                     where c.call_id like 'demo-qc-%' and i.state = 'SUBMITTED'""")).isEqualTo(1);
        } finally {
            // the scores' facts arrive by events: wait for them before removing what they describe
            new org.openhotline.reporting.ReportingFixture(port, jdbc, null).awaitFacts();
            jdbc.sql("""
                    delete from qc_step where inspection_id in (select i.id from qc_inspection i left join qc_plan p on p.id = i.plan_id
                     left join qc_calibration c on c.id = i.calibration_id where p.month = '2001-05' or c.call_id like 'demo-qc-%')""").update();
            jdbc.sql("""
                    delete from qc_inspection where plan_id in (select id from qc_plan where month = '2001-05')
                        or calibration_id in (select id from qc_calibration where call_id like 'demo-qc-%')""").update();
            jdbc.sql("delete from qc_calibration where call_id like 'demo-qc-%'").update();
            jdbc.sql("delete from qc_plan where month = '2001-05'").update();
            jdbc.sql("delete from rpt_qc_fact where call_id like 'demo-qc-%'").update();
            jdbc.sql("delete from rpt_call_fact where call_id like 'demo-qc-%'").update();
            jdbc.sql("delete from cc_call where id like 'demo-qc-%'").update();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
