package org.openhotline.callcenter.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers in the queue announcement are said the way a Mandarin speaker says a count. */
class QueueAnnouncementsTest {

    @Test
    void countsAreSpokenTheChineseWay() {
        assertThat(QueueAnnouncements.number(0)).containsExactly("num-0");
        assertThat(QueueAnnouncements.number(2)).as("两位, not 二位").containsExactly("num-liang");
        assertThat(QueueAnnouncements.number(10)).containsExactly("num-10");
        assertThat(QueueAnnouncements.number(12)).as("十二").containsExactly("num-10", "num-2");
        assertThat(QueueAnnouncements.number(20)).as("二十").containsExactly("num-2", "num-10");
        assertThat(QueueAnnouncements.number(23)).as("二十三").containsExactly("num-2", "num-10", "num-3");
        assertThat(QueueAnnouncements.number(150)).as("capped at 九十九").containsExactly("num-9", "num-10", "num-9");
    }

    @Test
    void theSentenceIsAssembledAroundTheTwoNumbers() {
        assertThat(QueueAnnouncements.pieces(3, 2)).containsExactly(
                "queue-ahead", "num-3", "queue-people", "queue-wait", "num-liang", "queue-minutes");
    }
}
