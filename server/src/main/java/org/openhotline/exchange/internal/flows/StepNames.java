package org.openhotline.exchange.internal.flows;

import org.openhotline.workorder.WorkOrderEvents.*;

/** How a step reads on the other platform's timeline. */
final class StepNames {

    private StepNames() {}

    static String of(WorkOrderEvent e) {
        return switch (e) {
            case WorkOrderCreated c -> "受理";
            case WorkOrderDispatched d -> d.collaboration() ? "派单（协同）" : "派单";
            case WorkOrderRedispatched r -> "二次派单";
            case AssignmentCreated a -> "承办单位接收任务";
            case AssignmentSigned s -> s.onTime() ? "承办单位签收" : "承办单位签收（超时）";
            case ReturnRequested r -> "承办单位申请退回";
            case ReturnDecided r -> r.approved() ? "同意退回" : "驳回退回申请";
            case ExtensionRequested r -> "承办单位申请延期";
            case ExtensionDecided d -> d.approved() ? "同意延期" : "驳回延期申请";
            case AssignmentReplied r -> r.onTime() ? "承办单位答复" : "承办单位答复（超时）";
            case ReplyReviewed r -> r.accepted() ? "答复审核通过" : "答复审核不通过";
            case CallbackRecorded c -> "回访：" + (c.resolved() ? "已解决" : "未解决");
            case WorkOrderClosed c -> "办结";
            case WorkOrderForwarded f -> "转外部平台";
            case WorkOrderWithdrawn w -> "撤单";
            case WorkOrderUrged u -> "催单";
            case WorkOrderSupervised s -> "督办";
            case WorkOrderReopened r -> "重办";
            default -> e.getClass().getSimpleName();
        };
    }
}
