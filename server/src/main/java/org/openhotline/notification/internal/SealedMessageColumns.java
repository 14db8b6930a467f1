package org.openhotline.notification.internal;

import java.util.List;
import java.util.Map;
import org.openhotline.shared.crypto.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Citizens' numbers in the SMS tables, sealed at rest (ADR 041), with the blind indexes the look-ups use. */
@Configuration(proxyBeanMethods = false)
class SealedMessageColumns {

    @Bean
    SealedColumns sealedOutboxColumns() {
        return new SealedColumns("ntf_outbox", "id", List.of("phone"), Map.of("phone", "phone_index"));
    }

    @Bean
    SealedColumns sealedOptOutColumns() {
        return new SealedColumns("ntf_opt_out", "phone", List.of("phone"), Map.of("phone", "phone_index"));
    }

    @Bean
    SealedColumns sealedSurveyColumns() {
        return new SealedColumns("ntf_survey", "work_order_id", List.of("phone"), Map.of("phone", "phone_index"));
    }

    @Bean
    SealedColumns sealedInboxColumns() {
        return new SealedColumns("ntf_inbox", "id", List.of("sender"), Map.of());
    }
}
