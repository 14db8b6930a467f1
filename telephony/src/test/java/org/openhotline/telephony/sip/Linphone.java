package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A second independent softphone: linphone's console client (Debian {@code linphone-cli}), headless. It registers
 * an extension, answers every call by itself ({@code -a}), plays no sound card ({@code soundcard use files}) and
 * takes console commands as a user types them, e.g. {@code transfer sip:8265@…} (its transfer key: SIP REFER).
 * Its own HOME keeps its database out of the user's. Public for the server's call-center tests.
 */
public final class Linphone implements AutoCloseable {
    private final Path home;
    private final Process process;
    private final OutputStream console;

    private Linphone(Path home, Process process) {
        this.home = home;
        this.process = process;
        this.console = process.getOutputStream();
    }

    public static Linphone start(Path dir, int enginePort, String extension, String password) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/linphonec"))) {
            fail("linphonec is not installed; the second-phone test needs it: apt-get install -y linphone-cli");
        }
        Path home = Files.createDirectories(dir.resolve("linphone-" + extension));
        Files.createDirectories(home.resolve(".local/share/linphone"));
        Path rc = home.resolve("linphonerc");
        Files.writeString(rc, String.join("\n",
                "[sip]",
                "sip_port=" + FreePorts.sip(),
                "sip_tcp_port=0",
                "sip_tls_port=0",
                "[rtp]",
                "audio_rtp_port=" + FreePorts.media(),
                "[sound]",
                "echocancellation=0",
                "[video]",
                "enabled=0",
                ""));
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/linphonec", "-c", rc.toString(), "-a", "-d", "0")
                .redirectErrorStream(true).redirectOutput(home.resolve("linphonec.log").toFile());
        pb.environment().put("HOME", home.toString());
        Linphone phone = new Linphone(home, pb.start());
        phone.command("soundcard use files");
        phone.command("register sip:" + extension + "@127.0.0.1 sip:127.0.0.1:" + enginePort + " " + password);
        return phone;
    }

    /** Asks linphone for its registration and tells whether it answered "registered" for {@code extension}. */
    public boolean registered(String extension) throws IOException {
        command("status register");
        return log().contains("registered, identity=sip:" + extension + "@");
    }

    /** Types a console command. */
    public void command(String line) throws IOException {
        console.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        console.flush();
    }

    public String log() {
        try {
            return Files.readString(home.resolve("linphonec.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            command("quit");
        } catch (IOException gone) {
            // already ended
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
