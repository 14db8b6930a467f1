package org.openhotline.callcenter.internal.calls;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.callcenter.internal.engine.Switchboard;
import org.openhotline.callcenter.internal.records.CallRecords;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.openhotline.workorder.EmergencyHandOvers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phone linkage 12345 → 110/119/120/122 (国办发〔2022〕12号) as a three-way hand-over: the agent calls the service's
 * number through the trunk while the citizen hears music (a consultation: the agent briefs the operator), joins all
 * three so that the citizen is introduced, then drops out — the citizen stays with the operator. Only the last
 * step is the hand-over, and it is allowed only from the three-way call: nobody is handed over unheard. The call
 * record's transfer chain and the orders of the call (their timelines) record it.
 * <p>
 * The audio and the legs are {@link Consultations}'; this class adds which consultations are linkages, the
 * order of the steps and the record. Where the trunk allows it, 110 sees the citizen's number, not the hotline's.
 */
@Component
class EmergencyLinkage {

    /**
     * A linkage in progress on a call: which service, the number dialled, the order named by the phone bar, and the
     * consultation that carries it (a later consultation of the same call is not a linkage).
     */
    record Linkage(String service, String number, Long workOrderId, Consultations.Consult consult) {}

    private final Map<String, Linkage> byCall = new ConcurrentHashMap<>();
    private final EmergencyNumbers numbers;
    private final Consultations consultations;
    private final CallRecords records;
    private final EmergencyHandOvers orders;
    private final Switchboard switchboard;

    EmergencyLinkage(EmergencyNumbers numbers, Consultations consultations, CallRecords records, EmergencyHandOvers orders,
                     Switchboard switchboard) {
        this.switchboard = switchboard;
        this.numbers = numbers;
        this.consultations = consultations;
        this.records = records;
        this.orders = orders;
    }

    Map<String, String> services() {
        return numbers.numbers();
    }

    Linkage of(String callId) {
        Linkage l = byCall.get(callId);
        // A linkage whose consultation ended (the operator hung up, the agent cancelled) is over.
        return l != null && consultations.of(callId).orElse(null) == l.consult() ? l : null;
    }

    Consultations.Consult consultation(String callId) {
        return consultations.of(callId).orElse(null);
    }

    /** Rings the service's number; the citizen is held (music) while the agent briefs the operator. */
    Linkage start(LiveCalls.LiveCall call, long agentId, String service, Long workOrderId) {
        String number = numbers.numbers().get(service);
        if (number == null) {
            throw DomainException.invalid("未配置联动号码：" + service + "（可选 " + String.join("、", numbers.numbers().keySet()) + "）");
        }
        if (workOrderId != null && !orders.isOfCall(workOrderId, call.callId)) {
            throw DomainException.invalid("该工单不是本次通话的工单");
        }
        // Linkages of calls that ended or moved on are forgotten here rather than by a hook in the call flow.
        byCall.entrySet().removeIf(e -> consultations.of(e.getKey()).orElse(null) != e.getValue().consult());
        Linkage l = new Linkage(service, number, workOrderId,
                consultations.consult(call, agentId, number, presented(call, number)));
        byCall.put(call.callId, l);
        records.transferred(call.callId, "联动 " + EmergencyNumbers.SERVICES.get(service));
        return l;
    }

    /** All three talk: the agent introduces the citizen to the operator. */
    void join(LiveCalls.LiveCall call) {
        required(call);
        consultations.join(call);
    }

    /**
     * The agent drops out of the three-way call; the citizen and the operator keep talking. Written on the orders
     * of the call; returns their numbers.
     */
    @Transactional
    java.util.List<String> handOver(LiveCalls.LiveCall call, StaffPrincipal agent) {
        Linkage l = required(call);
        if (!l.consult().threeWay) {
            throw DomainException.conflict("请先三方通话，向" + EmergencyNumbers.SERVICES.get(l.service()) + "介绍来电人后再退出");
        }
        String name = EmergencyNumbers.SERVICES.get(l.service());
        // The orders' steps first, in this transaction: if the hand-over itself fails they are not kept.
        var written = orders.handedOver(call.callId, l.workOrderId(), "电话联动" + name + "：三方通话交接（拨打 " + l.number()
                + "），坐席 " + agent.displayName() + " 退出，来电人与" + name + "继续通话", agent.username(), agent.displayName());
        consultations.complete(call);
        byCall.remove(call.callId);
        records.transferred(call.callId, "三方交接至 " + name);
        return written;
    }

    /**
     * The number 110 sees: the citizen's, so that the operator can call back and locate the caller as if they had
     * dialled 110 themselves — where the trunk passes a caller ID through (主叫号码透传); otherwise (null) the
     * trunk's own number. A withheld or malformed caller number is never presented.
     */
    private String presented(LiveCalls.LiveCall call, String number) {
        String citizen = call.caller;
        if (citizen == null || !citizen.matches("\\+?[0-9]{3,20}") || !switchboard.engine().passesCallerId(number)) {
            return null;
        }
        return citizen;
    }

    private Linkage required(LiveCalls.LiveCall call) {
        Linkage l = of(call.callId);
        if (l == null) {
            byCall.remove(call.callId);
            throw DomainException.conflict("当前通话没有进行中的联动");
        }
        return l;
    }
}
