package org.openhotline.workorder.internal.model;

import java.util.List;
import java.util.Map;
import org.openhotline.shared.crypto.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order's personal data sealed at rest (ADR 041): the caller's number (with its blind index), name and the address. */
@Configuration
class SealedOrderColumns {

    @Bean
    SealedColumns sealedWorkOrderColumns() {
        return new SealedColumns("work_order", "id", List.of("caller_phone", "caller_name", "address"),
                Map.of("caller_phone", "caller_phone_index"));
    }
}
