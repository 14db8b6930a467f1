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
    private Console consoleConnection;

    /** Where baresip listens for SIP over UDP and TCP; SIP over TLS is the next port. */
    final int sipPort;

    private Baresip(Path home, Process process, int console, int sipPort) {
        this.home = home;
        this.process = process;
        this.console = console;
        this.sipPort = sipPort;
    }

    /** Where baresip accepts SIP over TLS (with a {@code sip_certificate}). */
    int tlsPort() {
        return sipPort + 1;
    }

    /**
     * Sends a console command (as typed in baresip's menu) and returns what baresip echoed once it took the whole
     * line. The console connection stays open for the phone's life: baresip echoes every key back and drops a
     * command whose echo it cannot write, so a connection closed after the first answer lost the command whenever
     * baresip had not written all its echoes yet (the flaky "tcp: send: write(): Broken pipe" of issue 19).
     */
    public String command(String line) throws IOException {
        Console c = console();
        int mark = c.length();
        c.socket.getOutputStream().write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        c.socket.getOutputStream().flush();
        // the newline's echo comes after every key was taken; the command runs right after it
        return c.awaitAfter(mark, line + "\n", java.time.Duration.ofSeconds(15));
    }

    private synchronized Console console() throws IOException {
        if (consoleConnection == null) {
            consoleConnection = new Console(new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), console));
        }
        return consoleConnection;
    }

    /** One console connection and everything baresip wrote to it, read by a daemon thread. */
    private static final class Console {
        final java.net.Socket socket;
        private final StringBuilder out = new StringBuilder();

        Console(java.net.Socket socket) {
            this.socket = socket;
            Thread reader = new Thread(this::drain, "baresip-console");
            reader.setDaemon(true);
            reader.start();
        }

        private void drain() {
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(buf)) > 0; ) {
                    synchronized (this) {
                        out.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                        notifyAll();
                    }
                }
            } catch (IOException closed) {
                // the phone stopped or the test closed the console
            }
        }

        synchronized int length() {
            return out.length();
        }

        synchronized String awaitAfter(int mark, String expected, java.time.Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (out.indexOf(expected, mark) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("baresip did not take the command " + expected.strip()
                            + "; console: " + out.substring(mark));
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            return out.substring(mark);
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

    /**
     * A carrier's SBC reached over SIP/TLS: baresip answers calls to {@code number} by itself on its TLS port, showing
     * {@code certificateAndKey} (one PEM file), with SRTP mandatory when {@code srtp} (else plain RTP only, and no
     * SRTP module), and trusts {@code caFile} (the engine's certificate) for connections it opens back.
     */
    static Baresip startTlsTrunk(Path dir, String number, Path speak, Path certificateAndKey, Path caFile, boolean srtp)
            throws IOException {
        return launch(dir.resolve("baresip-trunk"), speak, "<sip:" + number + "@127.0.0.1;transport=tls>;regint=0"
                        + ";answermode=auto;audio_codecs=PCMU,PCMA" + (srtp ? ";mediaenc=srtp-mand" : "") + "\n",
                srtp ? List.of("sip_certificate " + certificateAndKey, "sip_cafile " + caFile, "module srtp.so")
                        : List.of("sip_certificate " + certificateAndKey, "sip_cafile " + caFile));
    }

    private static Baresip start(Path dir, String extension, String password, Path speak, String transport,
                                 int enginePort, String accountExtras, List<String> configExtras) throws IOException {
        return launch(dir.resolve("baresip"), speak, "<sip:" + extension + "@127.0.0.1:" + enginePort
                + ";transport=" + transport + ">;auth_pass=" + password + ";answermode=auto;regint=60;audio_codecs=PCMU,PCMA"
                + accountExtras + "\n", configExtras);
    }

    private static Baresip launch(Path homeDir, Path speak, String account, List<String> configExtras)
            throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/baresip"))) {
            fail("baresip is not installed; the softphone test needs it: apt-get install -y baresip-core");
        }
        Path home = Files.createDirectories(homeDir);
        int port = FreePorts.sip();
        while (!FreePorts.free(port + 1)) {
            port = FreePorts.sip(); // baresip's SIP TLS takes sip_listen + 1
        }
        int console = FreePorts.sip();
        while (console == port + 1) {
            console = FreePorts.sip();
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
        Files.writeString(home.resolve("accounts"), account);
        Files.writeString(home.resolve("contacts"), "");
        Process p = new ProcessBuilder("/usr/bin/baresip", "-4", "-f", home.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("baresip.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        return new Baresip(home, p, console, port);
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
        synchronized (this) {
            if (consoleConnection != null) {
                try {
                    consoleConnection.socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
