package org.openhotline.channels.internal.open311;

/**
 * The 12345 order states as GeoReport v2 sees them: {@code open} while the hotline or a unit still works on it,
 * {@code closed} once it left the hotline's hands; {@code status_notes} says in Chinese where it stands (and for a
 * closed order how it ended). Documented in docs/api.md.
 */
final class StatusMapping {

    record Status(String status, String notes) {}

    private StatusMapping() {}

    static Status of(String state) {
        return switch (state) {
            case "PENDING_REVIEW", "PENDING_DISPATCH" -> new Status("open", "已受理，待派单");
            case "HANDLING" -> new Status("open", "办理中：已转交承办单位");
            case "REPLY_REVIEW" -> new Status("open", "承办单位已答复，热线审核中");
            case "PENDING_CALLBACK" -> new Status("open", "已答复，待回访");
            case "CLOSED" -> new Status("closed", "已办结");
            case "WITHDRAWN" -> new Status("closed", "已撤销");
            case "MERGED" -> new Status("closed", "已与相同诉求合并办理");
            case "FORWARDED" -> new Status("closed", "已转其他平台办理");
            default -> new Status("open", state);
        };
    }
}
