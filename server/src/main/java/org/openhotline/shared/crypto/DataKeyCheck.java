package org.openhotline.shared.crypto;

import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stops a node from starting with personal-data keys other than the ones the database's rows are sealed under
 * (ADR 050, decision 10). Each node's keys live outside the database (a file or {@code HOTLINE_DATA_KEYS}), so a
 * cluster node given a key file of its own — the cluster script did exactly that until 2026-12-06 — sealed every row
 * it wrote under a key the other nodes did not have, and its users saw "cannot open" on the others. At start the
 * node compares a check value of each of its keys with the one recorded in {@code data_key_check} by the first node
 * that used the key, and records its own new ones (a first start, a rotation): a differing key, or a key recorded by
 * another node that this node lacks (a rotation done elsewhere), stops the start with what to do.
 */
@Component
public class DataKeyCheck {

    private static final Logger log = LoggerFactory.getLogger(DataKeyCheck.class);

    private final JdbcClient jdbc;

    DataKeyCheck(JdbcClient jdbc, PersonalDataKeys loaded) { // the keys are loaded first
        this.jdbc = jdbc;
        check(PersonalData.keys());
    }

    /** Records the ring's keys not yet recorded, then compares every recorded key with the ring. */
    void check(DataKeys ring) {
        Map<String, String> mine = ring.checks();
        mine.forEach((name, value) -> jdbc.sql("insert into data_key_check (name, check_value) values (?, ?)"
                + " on conflict (name) do nothing").params(name, value).update());
        Map<String, String> recorded = new TreeMap<>();
        jdbc.sql("select name, check_value from data_key_check").query((rs, n) ->
                recorded.put(rs.getString(1), rs.getString(2))).list();
        String where = ring.file() == null ? "环境变量 HOTLINE_DATA_KEYS" : ring.file().toString();
        recorded.forEach((name, value) -> {
            String own = mine.get(name);
            if (own == null) {
                throw new DataKeysMismatch("数据库中有个人数据使用密钥 " + name + " 加密，而本节点的密钥（" + where
                        + "）中没有它（可能是其他节点轮换了密钥）", "请把其他节点的密钥复制到本节点后再启动");
            }
            if (!own.equals(value)) {
                throw new DataKeysMismatch("本节点的个人数据密钥 " + name + "（" + where + "）与数据库中其他节点使用的不一致",
                        "请使用与其他节点相同的密钥后再启动，否则本节点写入的个人数据其他节点无法读取");
            }
        });
        log.debug("Personal-data keys match the database's record: {}", recorded.keySet());
    }
}
