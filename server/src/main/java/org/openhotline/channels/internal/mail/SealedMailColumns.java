package org.openhotline.channels.internal.mail;

import java.util.List;
import java.util.Map;
import org.openhotline.shared.crypto.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sender's address of each mail taken in, sealed at rest (ADR 041). No index: the result goes back to the address
 * stored with the order (found by the order), nothing looks a mail up by its sender. Rows from before are sealed by
 * Resealing.
 */
@Configuration(proxyBeanMethods = false)
class SealedMailColumns {

    @Bean
    SealedColumns sealedMailColumns() {
        return new SealedColumns("ch_mail_message", "message_id", List.of("from_address"), Map.of());
    }
}
