package org.openhotline.callcenter.internal.records;

import java.util.List;
import java.util.Map;
import org.openhotline.shared.crypto.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Callers' numbers sealed at rest (ADR 041): call records, blacklist, priority callers, callback and missed-call tasks. */
@Configuration(proxyBeanMethods = false)
class SealedCallColumns {

    @Bean
    SealedColumns sealedCallerColumns() {
        return new SealedColumns("cc_call", "id", List.of("caller"), Map.of("caller", "caller_index"));
    }

    /**
     * The number an outbound call dialled (a citizen called back, 回访): sealed. An inbound call's called number is the
     * hotline's own (12345, a trunk's DID) and stays readable — routing rules, IVR flows and reports select by it. No
     * index: the citizen's number of an outbound call is also its {@code caller}, with {@code caller_index}.
     */
    @Bean
    SealedColumns sealedDialledColumns() {
        return new SealedColumns("cc_call", "id", List.of("called"), Map.of(), Map.of(), CallRecords.SEALED_CALLED);
    }

    @Bean
    SealedColumns sealedBlacklistColumns() {
        return new SealedColumns("cc_blacklist", "id", List.of("number"), Map.of("number", "number_index"));
    }

    @Bean
    SealedColumns sealedPriorityCallerColumns() {
        return new SealedColumns("cc_priority_caller", "number", List.of("number"), Map.of("number", "number_index"));
    }

    @Bean
    SealedColumns sealedCallbackTaskColumns() {
        return new SealedColumns("cc_callback_task", "id", List.of("number"), Map.of());
    }

    @Bean
    SealedColumns sealedMissedTaskColumns() {
        return new SealedColumns("cc_missed_task", "id", List.of("number"), Map.of("number", "number_index"));
    }

    @Bean
    SealedColumns sealedMissedCallColumns() {
        return new SealedColumns("cc_missed_call", "call_id", List.of("number"), Map.of("number", "number_index"));
    }
}
