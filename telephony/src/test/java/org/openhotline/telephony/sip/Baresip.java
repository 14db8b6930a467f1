package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real softphone: baresip registers an extension with digest auth, answers automatically, speaks a WAV
 * file and dumps what it hears (sndfile module) so the test can listen to it. Its console ({@link #command})
 * takes the keys a user would press, e.g. {@code /transfer sip:8265@…} (the phone's transfer key: SIP REFER).
 * Public for the server's call-center tests (through the telephony test-jar).
 */
public final class Baresip implements AutoCloseable {
    final Path home;
    final Process process;
    private final int console;

    private Baresip(Path home, Process process, int console) {
        this.home = home;
        this.process = process;
        this.console = console;
    }

    /** Sends a console command (as typed in baresip's menu) and returns what baresip answered. */
    public String command(String line) throws IOException {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), console)) {
            s.setSoTimeout(2000);
            s.getOutputStream().write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            byte[] buf = new byte[4096];
            try {
                int n = s.getInputStream().read(buf);
                return n <= 0 ? "" : new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.net.SocketTimeoutException quiet) {
                return "";
            }
        }
    }

    public static Baresip start(Path dir, int enginePort, String extension, String password, Path speak) throws IOException {
        return start(dir, extension, password, speak, "udp", enginePort, "", List.of());
    }

    /**
     * Registers over TLS to the engine's TLS port, trusting {@code caFile} (the engine's certificate), with SRTP
     * mandatory (RFC 4568 SDES keys, {@code mediaenc=srtp-mand}: RTP/SAVP, plain RTP refused).
     */
    public static Baresip startSecure(Path dir, int engineTlsPort, String extension, String password, Path speak,
                                      Path caFile) throws IOException {
        return start(dir, extension, password, speak, "tls", engineTlsPort, ";mediaenc=srtp-mand",
                List.of("sip_cafile " + caFile, "module srtp.so"));
    }

    private static Baresip start(Path dir, String extension, String password, Path speak, String transport,
                                 int enginePort, String accountExtras, List<String> configExtras) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/baresip"))) {
            fail("baresip is not installed; the softphone test needs it: apt-get install -y baresip-core");
        }
        Path home = Files.createDirectories(dir.resolve("baresip"));
        int port = FreePorts.sip();
        int console = FreePorts.sip();
        while (console == port + 1) {
            console = FreePorts.sip(); // baresip's SIP TLS takes sip_listen + 1
        }
        Files.writeString(home.resolve("config"), String.join("\n",
                "poll_method epoll",
                "cons_listen 127.0.0.1:" + console,
                "sip_listen 127.0.0.1:" + port,
                "audio_player aubridge,nowhere",
                "audio_alert aubridge,nowhere",
                "audio_source aufile," + speak,
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module aubridge.so",
                "module sndfile.so",
                "module cons.so",
                "module_app account.so",
                "module_app menu.so",
                "snd_path " + home,
                "rtp_ports 46000-46999",
                String.join("\n", configExtras),
                "") );
        Files.writeString(home.resolve("accounts"), "<sip:" + extension + "@127.0.0.1:" + enginePort
                + ";transport=" + transport + ">;auth_pass=" + password + ";answermode=auto;regint=60;audio_codecs=PCMU,PCMA"
                + accountExtras + "\n");
        Files.writeString(home.resolve("contacts"), "");
        Process p = new ProcessBuilder("/usr/bin/baresip", "-4", "-f", home.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("baresip.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        return new Baresip(home, p, console);
    }

    public String log() {
        try {
            return Files.readString(home.resolve("baresip.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The WAV baresip wrote with the audio it decoded from the engine (what the agent heard). */
    Path heard() throws IOException {
        try (var files = Files.list(home)) {
            return files.filter(f -> f.getFileName().toString().startsWith("dump-")
                    && f.getFileName().toString().endsWith("-dec.wav")).findFirst()
                    .orElseThrow(() -> new AssertionError("baresip wrote no dump; log:\n" + log()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
