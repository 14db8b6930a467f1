package org.openhotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.media.Prompt;
import org.openhotline.telephony.media.WavFile;

class PromptsTest {
    @TempDir
    Path dir;

    @Test
    void shippedMandarinPromptsLoadAsEightKilohertzAudio() {
        Prompts prompts = new Prompts(null);
        for (String name : new String[] {"welcome", "main-menu", "invalid", "enter-order", "connecting", "closed",
                "leave-message", "goodbye", "blacklisted", "hold-music"}) {
            Prompt p = prompts.find(name).orElseThrow(() -> new AssertionError("missing prompt " + name));
            assertThat(p.durationMillis()).as(name).isBetween(1000L, 10_000L);
        }
    }

    @Test
    void anUploadedPromptReplacesTheShippedOneAfterEviction() throws Exception {
        Prompts prompts = new Prompts(dir);
        long shipped = prompts.find("welcome").orElseThrow().durationMillis();
        Files.write(dir.resolve("welcome.wav"), WavFile.toBytes(Prompt.tone("w", 500, 1500, 3000).samples()));
        assertThat(prompts.find("welcome").orElseThrow().durationMillis()).isEqualTo(shipped);
        prompts.evict("welcome");
        assertThat(prompts.find("welcome").orElseThrow().durationMillis()).isEqualTo(1500);
    }

    @Test
    void namesThatCouldEscapeTheDirectoryAreRefused() {
        assertThat(new Prompts(dir).find("../../etc/passwd")).isEmpty();
        assertThat(new Prompts(dir).find("nothing-here")).isEmpty();
    }
}
