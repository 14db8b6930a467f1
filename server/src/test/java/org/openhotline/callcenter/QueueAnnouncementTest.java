package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhotline.shared.crypto.PersonalData;
import org.openhotline.telephony.media.Codec;
import org.openhotline.telephony.media.G711;
import org.openhotline.telephony.media.Prompt;
import org.openhotline.telephony.sip.TestPhone;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A queued caller hears where they stand: two citizens call a skill group nobody staffs; the second one's
 * phone must receive, frame for frame, the prompts "您前面还有" "一" "位" "预计等待" "六" "分钟" (one caller
 * ahead; two rounds of the default 3-minute handle time), then the hold music again, and the announcement
 * once more after the group's interval.
 */
@HotlineTest
@Timeout(120)
class QueueAnnouncementTest {

    static final List<String> ONE_AHEAD_SIX_MINUTES =
            List.of("queue-ahead", "num-1", "queue-people", "queue-wait", "num-6", "queue-minutes");

    @LocalServerPort
    int port;

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecondCallerInLineHearsPositionAndExpectedWaitBetweenHoldMusicAndAgainAfterTheInterval() throws Exception {
        var fixture = new CallCenterFixture(port, jdbc);
        // group and callers of this try's own: a rerun in the same database finds the first try's calls to 12304
        String n = String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));
        long group = fixture.group("t-announce" + n, "测试排队播报", "LONGEST_IDLE", Map.of("announceIntervalS", 5));
        fixture.route("12304", group);
        List<byte[]> callers = List.of(PersonalData.phoneIndex("13601" + n), PersonalData.phoneIndex("13602" + n));
        try (TestPhone first = new TestPhone("13601" + n, 440, sipPort);
             TestPhone second = new TestPhone("13602" + n, 440, sipPort)) {
            try {
                first.dial("12304");
                until("the first caller is queued", () -> jdbc.sql("select count(*) from cc_call where called = '12304' and queued_at is not null and caller_index in (?, ?)")
                        .params(callers).query(Long.class).single() == 1 ? true : null, Duration.ofSeconds(10), () -> "");
                second.dial("12304");

                int[] heard = until("the announcement, piece by piece", () -> findInOrder(second.audio.heard(), ONE_AHEAD_SIX_MINUTES, 0),
                        Duration.ofSeconds(20), () -> "heard " + second.audio.heard().length / 8000.0 + " s");
                int end = heard[1];
                // the music resumes after the last piece (one of its three notes is loud in any half second)
                short[] after = until("hold music after the announcement", () -> {
                    short[] all = second.audio.heard();
                    return all.length >= end + 8000 ? Arrays.copyOfRange(all, end + 2000, end + 6000) : null;
                }, Duration.ofSeconds(10), () -> "");
                double music = Math.max(level(after, 523), Math.max(level(after, 659), level(after, 784)));
                assertThat(music).as("hold-music level after the announcement").isGreaterThan(1000);
                // and again after the group's interval (5 s)
                until("the announcement repeated", () -> findInOrder(second.audio.heard(), List.of("queue-ahead"), end),
                        Duration.ofSeconds(15), () -> "");
            } finally {
                // nobody staffs the group: the callers hang up rather than wait for the watchdog during later tests
                first.hangUp();
                second.hangUp();
            }
            until("both calls ended as abandoned in the queue", () -> jdbc.sql("""
                    select count(*) from cc_call where called = '12304' and ended_at is not null and abandon_point = 'QUEUE'
                       and caller_index in (?, ?)""")
                    .params(callers).query(Long.class).single() == 2 ? true : null, Duration.ofSeconds(10), () -> "");
        }
    }

    /** Where the prompts were heard one after another, from sample {@code from}: [start of first, end of last]. */
    static int[] findInOrder(short[] heard, List<String> prompts, int from) {
        int at = from / 160;
        int start = -1;
        for (String prompt : prompts) {
            int found = find(heard, frames(prompt), at);
            if (found < 0) {
                return null;
            }
            if (start < 0) {
                start = found;
            }
            at = found + frames(prompt).length;
        }
        return new int[] {start * 160, at * 160};
    }

    /** The frame where {@code prompt} begins in what was heard (matched on its loudest frames), or -1. */
    static int find(short[] heard, short[][] prompt, int fromFrame) {
        int k = Math.min(8, prompt.length);
        int loudest = 0;
        for (int i = 0; i < prompt.length; i++) {
            if (energy(prompt[i]) > energy(prompt[loudest])) {
                loudest = i;
            }
        }
        int probe = Math.max(0, Math.min(prompt.length - k, loudest - k / 2));
        int frames = heard.length / 160;
        outer:
        for (int f = fromFrame + probe; f + k <= frames; f++) {
            for (int j = 0; j < k; j++) {
                if (!Arrays.equals(heard, (f + j) * 160, (f + j + 1) * 160, prompt[probe + j], 0, 160)) {
                    continue outer;
                }
            }
            return f - probe;
        }
        return -1;
    }

    /** The prompt as the caller's phone decodes it: 20 ms frames through PCMU, the last one padded with silence. */
    static short[][] frames(String prompt) {
        short[] samples;
        try (InputStream in = Prompt.class.getResourceAsStream("/prompts/" + prompt + ".wav")) {
            samples = Prompt.fromWav(prompt, in).samples();
        } catch (Exception e) {
            throw new IllegalStateException("prompt " + prompt, e);
        }
        short[][] frames = new short[(samples.length + 159) / 160][160];
        byte[] encoded = new byte[160];
        for (int i = 0; i < frames.length; i++) {
            short[] pcm = Arrays.copyOfRange(samples, i * 160, i * 160 + 160);
            G711.encode(Codec.PCMU, pcm, encoded);
            G711.decode(Codec.PCMU, encoded, 0, 160, frames[i]);
        }
        return frames;
    }

    private static long energy(short[] frame) {
        long e = 0;
        for (short s : frame) {
            e += (long) s * s;
        }
        return e;
    }

    /** Amplitude of {@code hz} in the samples (Goertzel). */
    static double level(short[] samples, double hz) {
        double k = 2 * Math.cos(2 * Math.PI * hz / 8000);
        double s1 = 0, s2 = 0;
        for (short x : samples) {
            double s0 = x + k * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return 2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - k * s1 * s2)) / samples.length;
    }
}
