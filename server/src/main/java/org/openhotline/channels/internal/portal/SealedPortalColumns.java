package org.openhotline.channels.internal.portal;

import java.util.List;
import java.util.Map;
import org.openhotline.shared.crypto.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The number a citizen confirms with an SMS code, sealed at rest (ADR 041) with the blind index the confirmation
 * looks it up by, and the IP address a receipt was issued to (nothing looks receipts up by it). Rows from before are
 * sealed by Resealing.
 */
@Configuration(proxyBeanMethods = false)
class SealedPortalColumns {

    @Bean
    SealedColumns sealedPhoneCodeColumns() {
        return new SealedColumns("ch_phone_code", "request_id", List.of("phone"), Map.of("phone", "phone_index"));
    }

    @Bean
    SealedColumns sealedReceiptColumns() {
        return new SealedColumns("ch_receipt", "work_order_id", List.of("client_address"), Map.of());
    }
}
