package org.openhotline.telephony.sip;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real softphone: baresip registers an extension with digest auth, answers automatically, speaks a WAV
 * file and dumps what it hears (sndfile module) so the test can listen to it.
 */
final class Baresip implements AutoCloseable {
    final Path home;
    final Process process;

    private Baresip(Path home, Process process) {
        this.home = home;
        this.process = process;
    }

    static Baresip start(Path dir, int enginePort, String extension, String password, Path speak) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/baresip"))) {
            fail("baresip is not installed; the softphone test needs it: apt-get install -y baresip-core");
        }
        Path home = Files.createDirectories(dir.resolve("baresip"));
        int port = FreePorts.sip();
        Files.writeString(home.resolve("config"), String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + port,
                "audio_player aubridge,nowhere",
                "audio_alert aubridge,nowhere",
                "audio_source aufile," + speak,
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module aufile.so",
                "module aubridge.so",
                "module sndfile.so",
                "module_app account.so",
                "module_app menu.so",
                "snd_path " + home,
                "rtp_ports 46000-46999",
                "") );
        Files.writeString(home.resolve("accounts"), "<sip:" + extension + "@127.0.0.1:" + enginePort
                + ";transport=udp>;auth_pass=" + password + ";answermode=auto;regint=60;audio_codecs=PCMU,PCMA\n");
        Files.writeString(home.resolve("contacts"), "");
        Process p = new ProcessBuilder("/usr/bin/baresip", "-4", "-f", home.toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("baresip.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        return new Baresip(home, p);
    }

    String log() {
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
