package org.openhotline.channels.internal.wechat;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server URL configured in the official account (服务器配置). GET is WeChat's URL check; POST carries a message,
 * plain (signature only) or in safe mode ({@code encrypt_type=aes}, {@code msg_signature} over the ciphertext).
 * Anything not signed with our token is refused with 403. The answer is a passive reply or "success" (no reply).
 */
@RestController
@RequestMapping("/api/channels/wechat")
@Tag(name = "微信公众号", description = "公众号服务器回调（URL验证、明文/安全模式消息、被动回复）")
class WeChatCallbackController {

    static final int MAX_BODY = 64 * 1024;

    private final WeChatProperties properties;
    private final WeChatInbox inbox;
    private final Clock clock;

    WeChatCallbackController(WeChatProperties properties, WeChatInbox inbox, Clock clock) {
        this.properties = properties;
        this.inbox = inbox;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "URL 验证：signature 正确时原样返回 echostr")
    String verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                  @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
        requireSigned(signature, timestamp, nonce);
        return echostr == null ? "" : echostr;
    }

    @PostMapping(produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "接收消息与事件（text、image、voice、location、subscribe、CLICK），5 秒内被动回复")
    ResponseEntity<String> receive(@RequestParam(required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                   @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                   @RequestBody(required = false) String body) {
        if (body == null || body.length() > MAX_BODY) {
            throw new WeChatCrypto.Refused("no body");
        }
        boolean safe = "aes".equalsIgnoreCase(encryptType);
        Map<String, String> message;
        if (safe) {
            String encrypted = WeChatXml.read(body).get("Encrypt");
            if (encrypted == null || !properties.configured() || timestamp == null || nonce == null
                    || !WeChatCrypto.same(WeChatCrypto.signature(properties.token(), timestamp, nonce, encrypted), msgSignature)) {
                throw new WeChatCrypto.Refused("bad msg_signature");
            }
            message = WeChatXml.read(WeChatCrypto.decrypt(properties.aesKey(), properties.appId(), encrypted));
        } else {
            requireSigned(signature, timestamp, nonce);
            message = WeChatXml.read(body);
        }
        String reply = inbox.handle(message);
        if (reply == null) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
        }
        long now = clock.instant().getEpochSecond();
        String xml = WeChatXml.textReply(message.getOrDefault("FromUserName", ""), message.getOrDefault("ToUserName", ""),
                now, reply);
        if (!safe) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml);
        }
        String encrypted = WeChatCrypto.encrypt(properties.aesKey(), properties.appId(), xml);
        String ts = Long.toString(now);
        String replyNonce = Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body("<xml><Encrypt>" + WeChatXml.cdata(encrypted)
                + "</Encrypt><MsgSignature>" + WeChatXml.cdata(WeChatCrypto.signature(properties.token(), ts, replyNonce, encrypted))
                + "</MsgSignature><TimeStamp>" + ts + "</TimeStamp><Nonce>" + WeChatXml.cdata(replyNonce) + "</Nonce></xml>");
    }

    private void requireSigned(String signature, String timestamp, String nonce) {
        if (!properties.configured() || timestamp == null || nonce == null
                || !WeChatCrypto.same(WeChatCrypto.signature(properties.token(), timestamp, nonce), signature)) {
            throw new WeChatCrypto.Refused("bad signature");
        }
    }

    @ExceptionHandler(WeChatCrypto.Refused.class)
    ResponseEntity<Map<String, Object>> refused(WeChatCrypto.Refused e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of("type", "https://openhotline.org/problems/forbidden", "title", "无权操作", "status", 403,
                        "detail", "签名校验失败：该请求不是来自已配置的微信公众号"));
    }
}
