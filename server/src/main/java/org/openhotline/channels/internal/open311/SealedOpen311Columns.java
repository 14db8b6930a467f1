package org.openhotline.channels.internal.open311;

import java.util.List;
import java.util.Map;
import org.openhotline.shared.crypto.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An Open311 requester's e-mail and device id, sealed at rest (ADR 041; the name, phone and address go to the order,
 * which seals them). Nothing reads them back yet; they are kept for answering the requester. Rows from before are
 * sealed by Resealing.
 */
@Configuration(proxyBeanMethods = false)
class SealedOpen311Columns {

    @Bean
    SealedColumns sealedOpen311Columns() {
        return new SealedColumns("ch_open311_request", "work_order_id", List.of("email", "device_id"), Map.of());
    }
}
