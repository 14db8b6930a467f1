package org.openhotline.channels.internal.wechat;

import java.util.List;
import java.util.Map;
import org.openhotline.channels.internal.chat.OpenIds;
import org.openhotline.shared.crypto.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A follower's openid sealed at rest wherever the official account keeps it (ADR 041): the guided conversation's
 * session (found again by the openid's exact index, {@link OpenIds}), each pushed message and the orders a follower
 * made (both read by their own keys only). Rows from before are sealed, and indexed, by Resealing.
 */
@Configuration(proxyBeanMethods = false)
class SealedWeChatColumns {

    @Bean
    SealedColumns sealedWeChatSessionColumns() {
        return new SealedColumns("ch_wechat_session", "open_id", List.of("open_id"), Map.of(),
                Map.of("open_id", new SealedColumns.IdIndex("open_id_index", OpenIds.KIND)));
    }

    @Bean
    SealedColumns sealedWeChatMessageColumns() {
        return new SealedColumns("ch_wechat_message", "msg_key", List.of("open_id"), Map.of());
    }

    @Bean
    SealedColumns sealedWeChatOrderColumns() {
        return new SealedColumns("ch_wechat_order", "work_order_id", List.of("open_id"), Map.of());
    }
}
