package org.openhotline.callcenter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The call center's beans are wired without {@code @Lazy} (issue 20 item 24): the engine lives in the
 * {@code Switchboard}, ACD decisions go through the {@code AcdOutbox}, consultations register their hooks with the
 * call flow. Spring refuses circular references at start-up, so a cycle can only come back through {@code @Lazy}.
 */
class NoLazyWiringTest {

    @Test
    void noCallCenterClassNeedsLazyInjection() throws IOException {
        Path sources = Path.of("src/main/java/org/openhotline/callcenter");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> lazy = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("@Lazy");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
            assertThat(lazy).isEmpty();
        }
    }
}
