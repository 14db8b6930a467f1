package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.TelephonyEngine;
import org.openhotline.telephony.TelephonyEvent;

/**
 * A soft off-hook phone answers at once: on a busy machine its answer is reported while {@code originate} is
 * still returning. The call center files the new leg in {@code originate}'s callback, which runs before the
 * INVITE leaves, so that no answer arrives for a leg it does not know (it used to drop such an answer, let
 * the ring time out and take the agent out of service: the escalation case's "call never reached the agent").
 */
@Timeout(60)
class InstantAnswerTest {

    @TempDir
    Path dir;

    @Test
    void theCallerKnowsTheLegBeforeItsPhoneCanAnswer() throws Exception {
        Set<String> known = ConcurrentHashMap.newKeySet();
        List<String> answeredUnknown = new CopyOnWriteArrayList<>();
        CountDownLatch answered = new CountDownLatch(1);
        try (TelephonyEngine engine = EngineFixture.builder(dir, e -> {
                    if (e instanceof TelephonyEvent.Answered a) {
                        if (!known.contains(a.leg().value())) {
                            answeredUnknown.add(a.leg().value());
                        }
                        answered.countDown();
                    }
                }).start();
             TestPhone phone = new TestPhone(EngineFixture.EXTENSION, 1000, engine.sipPort())) {
            phone.register(EngineFixture.PASSWORD);
            engine.originate(EngineFixture.EXTENSION, "13800138000", true, leg -> {
                // A caller slowed down by a busy machine: an INVITE already sent would be answered meanwhile.
                awaitQuietly(answered, 1);
                known.add(leg.value());
            });
            assertThat(answered.await(20, TimeUnit.SECONDS)).as("the phone answers").isTrue();
            assertThat(answeredUnknown).as("answers for legs the caller did not know yet").isEmpty();
        }
    }

    private static void awaitQuietly(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
