package org.openhotline.channels.internal.open311;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open311 API keys: issued by an administrator to a named client (an app, a district's platform), shown once,
 * stored as a SHA-256 hash with an 8-character prefix for lists; disabling a key refuses its requests at once.
 */
@Component
class ApiKeys {

    public record ApiKey(long id, String name, String prefix, boolean enabled, String createdBy, Instant createdAt,
                         int version) {}

    public record Issued(ApiKey key, String secret) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(String name, String by) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = "o311_" + HexFormat.of().formatHex(bytes);
        long id = jdbc.sql("""
                insert into ch_open311_key (name, key_prefix, key_hash, created_by, created_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(name.strip(), secret.substring(0, 12), hash(secret), by, Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return new Issued(find(id), secret);
    }

    public List<ApiKey> list() {
        return jdbc.sql("select * from ch_open311_key order by id").query((rs, n) -> map(rs)).list();
    }

    @Transactional
    public ApiKey setEnabled(long id, boolean enabled, int version) {
        int rows = jdbc.sql("update ch_open311_key set enabled = ?, version = version + 1 where id = ? and version = ?")
                .params(enabled, id, version).update();
        if (rows == 0) {
            throw DomainException.conflict("该接口密钥不存在或已被他人修改，请刷新后重试");
        }
        return find(id);
    }

    /** The enabled key's id, or a refusal in the specification's terms (403 for a bad key). */
    public long require(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            throw DomainException.forbidden("缺少 api_key（提交诉求需要管理员分配的接口密钥）");
        }
        return jdbc.sql("select id from ch_open311_key where key_hash = ? and enabled").param(hash(secret.strip()))
                .query(Long.class).optional()
                .orElseThrow(() -> DomainException.forbidden("api_key 无效或已停用"));
    }

    private ApiKey find(long id) {
        return jdbc.sql("select * from ch_open311_key where id = ?").param(id).query((rs, n) -> map(rs)).single();
    }

    private static ApiKey map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"), rs.getBoolean("enabled"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }

    private static String hash(String s) {
        return org.openhotline.shared.crypto.Digests.sha256Hex(s);
    }
}
