package org.openhotline.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node with personal-data keys other than the database's does not start (ADR 050, decision 10): the start recorded
 * this platform's keys; a ring with another key under the same name, or without a key the database has recorded,
 * is refused with what to do, and nothing of it is recorded.
 */
@HotlineTest
class DataKeyCheckTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataKeyCheck check;

    @Test
    void theStartRecordedThisNodesKeysAndAnotherKeyOfTheSameNameIsRefused() {
        assertThat(recorded("data.1")).isEqualTo(PersonalData.keys().checks().get("data.1"));
        assertThat(recorded("index")).isEqualTo(PersonalData.keys().checks().get("index"));
        check.check(PersonalData.keys()); // this node again: nothing to say

        DataKeys someoneElses = DataKeys.fresh(); // a node given a key file of its own
        assertThatThrownBy(() -> check.check(someoneElses)).isInstanceOf(DataKeysMismatch.class)
                .hasMessageContaining("个人数据密钥 data.1").hasMessageContaining("与数据库中其他节点使用的不一致")
                .hasMessageNotContaining(java.util.Base64.getEncoder().encodeToString(someoneElses.key(1)));
        assertThat(recorded("data.1")).as("the record keeps the first node's key").isEqualTo(PersonalData.keys().checks().get("data.1"));
    }

    @Test
    void aKeyAnotherNodeRotatedToThatThisNodeLacksIsRefused() {
        jdbc.sql("insert into data_key_check (name, check_value) values ('data.99', '00112233445566778899aabbccddeeff')").update();
        try {
            assertThatThrownBy(() -> check.check(PersonalData.keys())).isInstanceOf(DataKeysMismatch.class)
                    .hasMessageContaining("密钥 data.99").hasMessageContaining("请把其他节点的密钥复制到本节点");
        } finally {
            jdbc.sql("delete from data_key_check where name = 'data.99'").update();
        }
        check.check(PersonalData.keys());
    }

    @Test
    void aCheckValueIsStableForAKeyAndDiffersBetweenKeys() {
        DataKeys a = DataKeys.fresh();
        DataKeys b = DataKeys.fresh();
        assertThat(a.checks().get("data.1")).hasSize(32).isEqualTo(a.checks().get("data.1"))
                .isNotEqualTo(b.checks().get("data.1"));
    }

    @Test
    void aRefusedStartIsPrintedAsADescriptionAndAnAction() {
        var analysis = new DataKeysMismatchAnalyzer().analyze(new RuntimeException(
                new DataKeysMismatch("本节点的个人数据密钥 data.1 不一致", "请使用相同的密钥")));
        assertThat(analysis.getDescription()).isEqualTo("本节点的个人数据密钥 data.1 不一致");
        assertThat(analysis.getAction()).isEqualTo("请使用相同的密钥");
    }

    private String recorded(String name) {
        return jdbc.sql("select check_value from data_key_check where name = ?").param(name).query(String.class).single();
    }
}
