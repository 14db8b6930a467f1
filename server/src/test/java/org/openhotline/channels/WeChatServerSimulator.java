package org.openhotline.channels;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's servers as the official-account developer documentation describes them (消息加解密说明): they sign each
 * push with the token (SHA-1 of sorted token, timestamp, nonce), in safe mode encrypt the XML (AES-256-CBC, key
 * from the EncodingAESKey, random 16 bytes + network-order length + XML + AppID, PKCS#7 to 32) and sign the
 * ciphertext as {@code msg_signature}, wait 5 seconds for the answer and retry up to three times. Written
 * independently of the platform's code.
 */
public final class WeChatServerSimulator {

    public record Answer(int status, String body, String replyText, int attempts) {}

    private static final AtomicLong MSG_IDS = new AtomicLong(6_000_000_000_000_000_000L);

    private final String url;
    private final boolean safe;
    private final String token;
    private final String aesKey;
    private final String appId;
    private final HttpClient http = HttpClient.newHttpClient();

    public WeChatServerSimulator(int port, boolean safe) {
        this(port, safe, WeChatApiStandIn.TOKEN, WeChatApiStandIn.AES_KEY, WeChatApiStandIn.APP_ID);
    }

    public WeChatServerSimulator(int port, boolean safe, String token, String aesKey, String appId) {
        this.url = "http://127.0.0.1:" + port + "/api/channels/wechat";
        this.safe = safe;
        this.token = token;
        this.aesKey = aesKey;
        this.appId = appId;
    }

    public static String text(String user, String content) {
        return "<xml><ToUserName><![CDATA[gh_12345]]></ToUserName><FromUserName><![CDATA[" + user
                + "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
                + "]]></Content><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId></xml>";
    }

    public static String event(String user, String event, String key) {
        return "<xml><ToUserName><![CDATA[gh_12345]]></ToUserName><FromUserName><![CDATA[" + user
                + "]]></FromUserName><CreateTime>" + MSG_IDS.incrementAndGet()
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event><EventKey><![CDATA["
                + key + "]]></EventKey></xml>";
    }

    public static String location(String user, String label) {
        return "<xml><ToUserName><![CDATA[gh_12345]]></ToUserName><FromUserName><![CDATA[" + user
                + "]]></FromUserName><CreateTime>1733300000</CreateTime><MsgType><![CDATA[location]]></MsgType>"
                + "<Location_X>28.68</Location_X><Location_Y>115.89</Location_Y><Scale>15</Scale><Label><![CDATA["
                + label + "]]></Label><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId></xml>";
    }

    public static String voice(String user, String recognition) {
        return "<xml><ToUserName><![CDATA[gh_12345]]></ToUserName><FromUserName><![CDATA[" + user
                + "]]></FromUserName><CreateTime>1733300000</CreateTime><MsgType><![CDATA[voice]]></MsgType>"
                + "<MediaId><![CDATA[media1]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA["
                + recognition + "]]></Recognition><MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId></xml>";
    }

    /** The URL check WeChat makes when the server address is saved. */
    public HttpResponse<String> verify(String echo, boolean rightToken) throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String sig = sha1(rightToken ? token : "other", ts, nonce);
        return http.send(HttpRequest.newBuilder(URI.create(url + "?signature=" + sig + "&timestamp=" + ts + "&nonce="
                + nonce + "&echostr=" + URLEncoder.encode(echo, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Pushes one message as WeChat does: up to three attempts, 5 s each; the same body every time. */
    public Answer push(String xml) throws Exception {
        return push(xml, 3);
    }

    public Answer push(String xml, int times) throws Exception {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000));
        String query = "?signature=" + sha1(token, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + "&openid=x";
        String body = xml;
        if (safe) {
            String encrypted = encrypt(xml);
            query += "&encrypt_type=aes&msg_signature=" + sha1(token, ts, nonce, encrypted);
            body = "<xml><ToUserName><![CDATA[gh_12345]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
        }
        HttpResponse<String> last = null;
        for (int attempt = 1; attempt <= times; attempt++) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create(url + query)).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Answer(last.statusCode(), last.body(), replyText(last), attempt);
            } catch (HttpTimeoutException e) {
                // WeChat gives up on this attempt and tries again with the same message
            }
        }
        throw new AssertionError("no answer within three attempts");
    }

    private String replyText(HttpResponse<String> r) throws Exception {
        if (r.statusCode() != 200 || !r.body().startsWith("<xml>")) {
            return null;
        }
        String xml = r.body();
        if (safe) {
            String encrypted = field(xml, "Encrypt");
            String expected = sha1(token, field(xml, "TimeStamp"), field(xml, "Nonce"), encrypted);
            if (!expected.equals(field(xml, "MsgSignature"))) {
                throw new AssertionError("reply signature wrong");
            }
            xml = decrypt(encrypted);
        }
        return field(xml, "Content");
    }

    static String field(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</" + name + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    static String sha1(String... parts) throws Exception {
        String[] s = parts.clone();
        Arrays.sort(s);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", s)
                .getBytes(StandardCharsets.UTF_8)));
    }

    String encrypt(String xml) throws Exception {
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        byte[] msg = xml.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int n = 20 + msg.length + app.length;
        int pad = 32 - n % 32;
        ByteBuffer b = ByteBuffer.allocate(n + pad);
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        b.put(random).putInt(msg.length).put(msg).put(app);
        for (int i = 0; i < pad; i++) {
            b.put((byte) pad);
        }
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return Base64.getEncoder().encodeToString(c.doFinal(b.array()));
    }

    String decrypt(String encrypted) throws Exception {
        byte[] key = Base64.getDecoder().decode(aesKey + "=");
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        byte[] plain = c.doFinal(Base64.getDecoder().decode(encrypted));
        int pad = plain[plain.length - 1];
        ByteBuffer b = ByteBuffer.wrap(plain, 16, plain.length - 16 - pad);
        byte[] msg = new byte[b.getInt()];
        b.get(msg);
        byte[] app = new byte[b.remaining()];
        b.get(app);
        if (!new String(app, StandardCharsets.UTF_8).equals(appId)) {
            throw new AssertionError("reply for another AppID");
        }
        return new String(msg, StandardCharsets.UTF_8);
    }
}
