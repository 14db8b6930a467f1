package org.openhotline.channels.internal.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hotline.wechat.*} ({@code HOTLINE_WECHAT_*}): the token and EncodingAESKey set in the official account's
 * server settings, its AppID and AppSecret, the API host (a proxy or a test stand-in may replace it), and the ids of
 * the template messages (模板消息) for 受理通知 and 办理结果通知 chosen in the account's template library.
 */
@ConfigurationProperties("hotline.wechat")
record WeChatProperties(String token, String appId, String secret, String aesKey, String apiBase, String templateAccepted,
                        String templateReplied) {

    WeChatProperties {
        token = token == null ? "" : token;
        appId = appId == null ? "" : appId;
        secret = secret == null ? "" : secret;
        aesKey = aesKey == null ? "" : aesKey;
        templateAccepted = templateAccepted == null ? "" : templateAccepted.strip();
        templateReplied = templateReplied == null ? "" : templateReplied.strip();
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.weixin.qq.com" : apiBase.replaceAll("/+$", "");
    }

    boolean configured() {
        return !token.isBlank();
    }
}
