package org.openhotline.exchange.internal.pipe;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.openhotline.shared.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counterpart's half of the daily reconciliation: what this side sent to and received from the (signed) caller
 * on a day. The signed text is {@code day=YYYY-MM-DD} in place of a body, or {@code day=YYYY-MM-DD&zone=Area/City} when
 * the caller names the zone its day is bounded in (both ledgers must cut the day at the same instants).
 */
@RestController
@Tag(name = "数据交换接口（对接平台调用）")
class LedgerController {

    private final InboxController inbox;
    private final DayLedger ledger;

    LedgerController(InboxController inbox, DayLedger ledger) {
        this.inbox = inbox;
        this.ledger = ledger;
    }

    @GetMapping("/exchange/v1/reconciliation")
    @Operation(summary = "对账：本平台当日发给调用方、收到调用方的消息（数量、类型、状态、消息编号）")
    DayLedger.Ledger day(@RequestParam String day, @RequestParam(required = false) String zone,
                         @RequestHeader(name = "X-Exchange-From", required = false) String from,
                         @RequestHeader(name = "X-Exchange-Timestamp", required = false) String timestamp,
                         @RequestHeader(name = "X-Exchange-Algorithm", required = false) String algorithm,
                         @RequestHeader(name = "X-Exchange-Signature", required = false) String signature,
                         HttpServletRequest request) {
        String signed = "day=" + day + (zone == null ? "" : "&zone=" + zone);
        Counterpart caller = inbox.authenticate(from, timestamp, algorithm, signature, signed, request);
        LocalDate d;
        try {
            d = LocalDate.parse(day);
        } catch (RuntimeException e) {
            throw DomainException.badRequest("day 须为日期，如 2026-12-04");
        }
        java.time.ZoneId z;
        try {
            z = zone == null ? ledger.zone() : java.time.ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw DomainException.badRequest("zone 须为时区名称，如 Asia/Shanghai");
        }
        return ledger.of(caller.code(), d, z);
    }
}
