package org.openhotline.callcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.testing.Wait.until;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.sip.FreePorts;
import org.openhotline.telephony.sip.Sipp;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The newcomer's recipe in docs/callcenter.md works as written: its citizen command (sipp dialling 12345) is read
 * from the page and run, only the platform's and sipp's ports substituted, against the demo trunk that demo data
 * brings (the test context configures no trunk for 12345).
 */
@HotlineTest
@Timeout(120)
class DemoTrunkRecipeTest {

    @Value("${hotline.sip.port}")
    int sipPort;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void theDocumentedSippCitizenReachesThePlatformThroughTheDemoTrunk() throws Exception {
        Sipp.requireInstalled();
        String documented = Files.readAllLines(Path.of("../docs/callcenter.md"), StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(l -> l.startsWith("sipp -sn uac ")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/callcenter.md has no citizen sipp command"));
        assertThat(documented).contains(" 127.0.0.1:5060", "-p 5070", "-s 12345");
        String command = documented.replace(" 127.0.0.1:5060", " 127.0.0.1:" + sipPort)
                .replace("-p 5070", "-p " + FreePorts.sip());
        long before = demoTrunkCalls();
        Process sipp = new ProcessBuilder(List.of(command.split(" "))).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile()).start();
        until("the citizen's call arrives through the demo trunk", () -> demoTrunkCalls() > before, Duration.ofSeconds(30),
                () -> output());
        assertThat(sipp.waitFor(90, TimeUnit.SECONDS)).as("sipp finishes its call").isTrue();
        assertThat(sipp.exitValue()).as("sipp's call succeeded: %s", output()).isZero();
        until("the call record is closed", () -> jdbc.sql("""
                select count(*) from cc_call where trunk = 'demo-loopback' and called = '12345' and ended_at is not null""")
                .query(Long.class).single() > before, Duration.ofSeconds(20), this::output);
    }

    private long demoTrunkCalls() {
        return jdbc.sql("select count(*) from cc_call where trunk = 'demo-loopback' and called = '12345'").query(Long.class).single();
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("sipp.out"), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            return "(no output)";
        }
    }
}
