package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real sipp (Debian package sip-tester) against the engine. A missing sipp fails the test with
 * the command that installs it: these tests are the proof that real SIP peers can use the engine.
 */
public final class Sipp {
    private static final Path BINARY = locate();

    private static Path locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "sipp");
            if (Files.isExecutable(p)) return p;
        }
        return Path.of("/usr/bin/sipp");
    }

    public static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            fail("sipp is not installed; the SIP tests need a real peer: apt-get install -y sip-tester");
        }
        if (!Files.exists(Path.of("/usr/share/sip-tester/g711a.pcap"))) {
            fail("sip-tester's pcap files are missing (/usr/share/sip-tester); apt-get install -y sip-tester");
        }
    }

    /** A running sipp process and where its output goes. */
    public record Run(Process process, Path log, String name) {
        public int await(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("sipp " + name + " did not finish within " + timeout + "\n" + output());
            }
            return process.exitValue();
        }

        public void expectSuccess(Duration timeout) throws InterruptedException {
            int rc = await(timeout);
            if (rc != 0) fail("sipp " + name + " exited with " + rc + "\n" + output());
        }

        public String output() {
            try {
                StringBuilder b = new StringBuilder(Files.readString(log, StandardCharsets.ISO_8859_1));
                try (var files = Files.list(log.getParent())) {
                    for (Path p : files.filter(f -> f.getFileName().toString().startsWith(name)
                            && f.toString().endsWith(".log")).toList()) {
                        b.append("\n--- ").append(p.getFileName()).append('\n').append(Files.readString(p, StandardCharsets.ISO_8859_1));
                    }
                }
                String s = b.toString();
                return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }

        public void stop() {
            process.destroy();
        }
    }

    /** Writes scenario {@code name}.xml from test resources with placeholders replaced, and starts sipp. */
    public static Run start(Path dir, String scenario, String runName, Map<String, String> vars, List<String> args)
            throws IOException {
        requireInstalled();
        String xml;
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario + ".xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (var e : vars.entrySet()) xml = xml.replace("${" + e.getKey() + "}", e.getValue());
        Path file = dir.resolve(runName + ".xml");
        Files.writeString(file, xml, StandardCharsets.ISO_8859_1);
        // -timeout only ends a run that hangs; each test waits for its runs with its own, shorter time-outs. A phone
        // is started before the call it takes and lives until that call ends (a 30-s talk after a consultation on a
        // busy machine), so the net is 120 s.
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "-sf", file.toString(), "-i", "127.0.0.1",
                "-nostdin", "-trace_err", "-timeout", "120s", "-timeout_error", "-nd"));
        cmd.addAll(args);
        Path log = dir.resolve(runName + ".out");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new Run(p, log, runName);
    }
}
