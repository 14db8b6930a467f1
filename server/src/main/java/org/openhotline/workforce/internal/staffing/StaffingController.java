package org.openhotline.workforce.internal.staffing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openhotline.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 人力测算: the agents one half hour needs, Erlang C without a patience, Erlang A with one. */
@RestController
@RequestMapping("/api/workforce/staffing")
@Tag(name = "排班")
class StaffingController {

    record Answer(int agents, int scheduledAgents, double serviceLevel, double occupancy, double averageWait,
                  double probabilityOfWaiting, Double abandonRate, String model) {}

    @GetMapping
    @PreAuthorize("hasAnyAuthority('workforce:manage', 'call:monitor', 'report:read')")
    @Operation(summary = "每半小时所需坐席数（Erlang C；给出 patienceSeconds 时为 Erlang A）")
    Answer staffing(@RequestParam double callsPerHalfHour, @RequestParam double ahtSeconds,
                    @RequestParam(defaultValue = "20") double answerWithinSeconds,
                    @RequestParam(defaultValue = "0.88") double serviceLevel,
                    @RequestParam(required = false) Double patienceSeconds,
                    @RequestParam(defaultValue = "0.85") double maxOccupancy,
                    @RequestParam(defaultValue = "0.3") double shrinkage) {
        check(callsPerHalfHour >= 0 && callsPerHalfHour <= 100_000, "每半小时话务量应在 0 到 100000 之间");
        check(ahtSeconds >= 1 && ahtSeconds <= 7200, "平均处理时长应在 1 到 7200 秒之间");
        check(answerWithinSeconds >= 0 && answerWithinSeconds <= 600, "目标接通时间应在 0 到 600 秒之间");
        check(serviceLevel > 0 && serviceLevel < 1, "服务水平应为 0 到 1 之间的小数，例如 0.88");
        check(patienceSeconds == null || patienceSeconds >= 1 && patienceSeconds <= 3600, "来电者耐心时长应在 1 到 3600 秒之间");
        check(maxOccupancy > 0 && maxOccupancy <= 1, "占用率上限应为 0 到 1 之间的小数");
        check(shrinkage >= 0 && shrinkage < 0.9, "缩减率应在 0 到 0.9 之间");
        var target = new Staffing.Target(answerWithinSeconds, serviceLevel, maxOccupancy, shrinkage, patienceSeconds);
        var need = Staffing.need(callsPerHalfHour, ahtSeconds, target);
        var f = need.figures();
        if (f.serviceLevel() < serviceLevel) {
            throw DomainException.invalid("话务量过大，" + Staffing.MAX_AGENTS + " 名坐席也达不到该服务水平");
        }
        return new Answer(f.agents(), need.scheduled(), round(f.serviceLevel()), round(f.occupancy()),
                round(f.averageWait()), round(f.probabilityOfWaiting()),
                patienceSeconds == null ? null : round(f.abandonRate()), patienceSeconds == null ? "ERLANG_C" : "ERLANG_A");
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw DomainException.badRequest(message);
        }
    }
}
