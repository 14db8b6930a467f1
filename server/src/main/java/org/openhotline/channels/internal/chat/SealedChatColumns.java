package org.openhotline.channels.internal.chat;

import java.util.List;
import java.util.Map;
import org.openhotline.shared.crypto.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The name and number a citizen gives when starting a chat, sealed at rest (ADR 041), and the author of each line (the
 * citizen's lines carry that name; staff names are sealed alike rather than told apart). No blind index: nothing looks
 * a chat up by number (the order the chat becomes has the caller's index). Rows from before are sealed by Resealing.
 */
@Configuration(proxyBeanMethods = false)
class SealedChatColumns {

    @Bean
    SealedColumns sealedChatColumns() {
        return new SealedColumns("ch_chat", "id", List.of("citizen_name", "citizen_phone"), Map.of());
    }

    @Bean
    SealedColumns sealedChatMessageColumns() {
        return new SealedColumns("ch_chat_message", "row_no", List.of("author"), Map.of());
    }
}
