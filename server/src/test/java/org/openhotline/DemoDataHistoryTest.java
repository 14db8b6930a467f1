package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.shared.DemoHistory;
import org.openhotline.shared.DemoHistoryWritten;
import org.openhotline.shared.DemoSeed;
import org.openhotline.shared.HistoryPlan;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;

/**
 * The first start with the demo year (issue 20: login as early as possible): the banner and login come right after
 * the demo city, the year is written behind them; hooks of one order run side by side, later hooks see their rows,
 * and a failing hook stops the history but not the platform. Latches, not time: each wait has a bound only so that
 * a wrong implementation fails instead of hanging.
 */
class DemoDataHistoryTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final List<Object> published = new CopyOnWriteArrayList<>();

    private DemoData demoData(List<DemoSeed> seeds, List<DemoHistory> histories) {
        var properties = new HotlineProperties("Asia/Shanghai", Path.of("data"), "http://localhost:8080", null,
                new HotlineProperties.Demo(true, "Demo-Test-12345", true));
        BusinessCalendar calendar = mock(BusinessCalendar.class);
        when(calendar.zone()).thenReturn(ZONE);
        when(calendar.isWorkingDay(any())).thenReturn(true);
        return new DemoData(properties, seeds, histories, calendar, Clock.systemUTC(), new MockEnvironment(), published::add);
    }

    private static DemoHistory hook(int order, Function<HistoryPlan, Long> write) {
        return new DemoHistory() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public long seedHistory(HistoryPlan plan) {
                return write.apply(plan);
            }
        };
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void theStartReturnsAfterTheDemoCityWhileTheYearIsWrittenBehindIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> seeded = new CopyOnWriteArrayList<>();
        DemoSeed city = new DemoSeed() {
            @Override
            public int order() {
                return 1;
            }

            @Override
            public boolean seedIfEmpty(String password) {
                seeded.add(password);
                return true;
            }
        };
        DemoData demo = demoData(List.of(city), List.of(hook(50, plan -> await(release) ? 7L : -1L)));

        demo.run(new DefaultApplicationArguments());

        assertThat(seeded).as("the demo city (accounts) is there when the start returns").containsExactly("Demo-Test-12345");
        assertThat(demo.historyDone()).as("the year is still being written").isNotDone();
        release.countDown();
        assertThat(demo.historyDone().get(2, TimeUnit.MINUTES)).isEqualTo(7L);
        assertThat(published).containsExactly(new DemoHistoryWritten(7L));
    }

    @Test
    void hooksOfOneOrderRunSideBySideAndLaterHooksSeeTheirRows() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Long> seenByFacts = new CopyOnWriteArrayList<>();
        List<DemoHistory> hooks = List.of(
                hook(1000, plan -> {
                    seenByFacts.add(plan.rowsBefore());
                    return 5L;
                }),
                // each waits for the other: written one after the other they would never both start
                hook(50, plan -> {
                    bothStarted.countDown();
                    return await(bothStarted) ? 100L : -1000L;
                }),
                hook(50, plan -> {
                    bothStarted.countDown();
                    return await(bothStarted) ? 20L : -1000L;
                }),
                hook(60, plan -> plan.rowsBefore() == 120 ? 3L : -1000L));
        LocalDate day = LocalDate.of(2001, 3, 5);

        long rows = demoData(List.of(), hooks).seedHistory(HistoryPlan.of(day, day.plusDays(6), ZONE, d -> true, 700, 200, 1L));

        assertThat(seenByFacts).as("the facts' hook runs last and sees all rows before it").containsExactly(123L);
        assertThat(rows).isEqualTo(128L);
        assertThat(published).containsExactly(new DemoHistoryWritten(128L));
    }

    @Test
    void aFailingHookStopsTheHistoryButNotTheStart() {
        List<Long> later = new CopyOnWriteArrayList<>();
        DemoData demo = demoData(List.of(), List.of(
                hook(50, plan -> {
                    throw new IllegalStateException("COPY into cc_call failed");
                }),
                hook(1000, plan -> {
                    later.add(plan.rowsBefore());
                    return 0L;
                })));

        demo.run(new DefaultApplicationArguments());

        try {
            demo.historyDone().get(2, TimeUnit.MINUTES);
            throw new AssertionError("the history should have failed");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).hasMessage("COPY into cc_call failed");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(later).as("no hook after the failed one").isEmpty();
        assertThat(published).isEmpty();
    }
}
