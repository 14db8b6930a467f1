package org.openhotline.channels.internal.chat;

import java.util.List;
import java.util.Map;
import org.openhotline.shared.crypto.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The name and number a citizen gives when starting a chat, sealed at rest (ADR 041), and the author of each line (the
 * citizen's lines carry that name; staff names are sealed alike rather than told apart). No blind index for those:
 * nothing looks a chat up by number (the order the chat becomes has the caller's index). A WeChat chat's openid is
 * sealed too, with the exact index a follower's next message finds the open chat by ({@link OpenIds}). Rows from
 * before are sealed, and indexed, by Resealing.
 */
@Configuration(proxyBeanMethods = false)
class SealedChatColumns {

    @Bean
    SealedColumns sealedChatColumns() {
        return new SealedColumns("ch_chat", "id", List.of("citizen_name", "citizen_phone", "wechat_openid"), Map.of(),
                Map.of("wechat_openid", new SealedColumns.IdIndex("wechat_openid_index", OpenIds.KIND)));
    }

    @Bean
    SealedColumns sealedChatMessageColumns() {
        return new SealedColumns("ch_chat_message", "row_no", List.of("author"), Map.of());
    }
}
