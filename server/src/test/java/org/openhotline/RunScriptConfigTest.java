package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer puts {@code config/application.yml} in the directory they start {@code run.sh} from; run.sh changes
 * to the checkout before starting the jar, so it must hand that directory's config/ to Spring itself. run.sh runs
 * here against a stand-in checkout (an up-to-date jar, so nothing is built) and a stand-in JDK that prints the
 * command line it was given.
 */
class RunScriptConfigTest {

    @TempDir
    Path dir;

    @Test
    void runShHandsTheStartingDirectorysConfigToSpring() throws Exception {
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(Path.of("../run.sh"), checkout.resolve("run.sh"));
        executable(checkout.resolve("run.sh"));
        Files.writeString(checkout.resolve("pom.xml"), "");
        Path jar = Files.createDirectories(checkout.resolve("server/target")).resolve("openhotline.jar");
        Files.writeString(jar, "");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600))); // newer than any source
        Path java = Files.createDirectories(dir.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                case "$*" in *XshowSettings*) echo "    java.specification.version = 25" >&2; exit 0;; esac
                echo "ARGS: $*"
                echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
                """);
        executable(java);
        Path startedIn = Files.createDirectories(dir.resolve("elsewhere/config")).getParent();

        ProcessBuilder pb = new ProcessBuilder(checkout.resolve("run.sh").toString(), "--server.port=18080")
                .directory(startedIn.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("MALLOC_ARENA_MAX");
        Process run = pb.start();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).as("without JAVA_OPTS the heap is capped (the demo city in under 1 GB)")
                .contains("-Xmx512m -XX:MaxMetaspaceSize=256m -XX:G1PeriodicGCInterval=30000 -XX:MinHeapFreeRatio=10"
                        + " -XX:MaxHeapFreeRatio=30 -jar", "MALLOC_ARENA_MAX=2");
        assertThat(out).as("Lucene's vector search on the CPU's SIMD units (ADR 017, decision 7)")
                .contains("--add-modules jdk.incubator.vector -Xmx512m");
        assertThat(out).contains("-jar server/target/openhotline.jar",
                "--spring.config.additional-location=optional:file:" + startedIn.toRealPath() + "/config/", "--server.port=18080");
    }

    private static void executable(Path file) throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
