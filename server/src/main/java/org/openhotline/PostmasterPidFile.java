package org.openhotline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code postmaster.pid} of the embedded data directory. A JVM killed with -9 leaves its postmaster behind
 * holding the directory: that one is stopped. But after a reboot the PID in a stale file belongs to whatever
 * process got it, so a process is only touched when its command line shows a postgres started on THIS data
 * directory; any other PID means the file is stale and it is removed (PostgreSQL would refuse to start while
 * the PID is alive).
 */
final class PostmasterPidFile {

    private static final Logger log = LoggerFactory.getLogger(PostmasterPidFile.class);

    private PostmasterPidFile() {}

    static void clearLeftover(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // PostgreSQL itself sees that the PID is gone and takes the file over
        }
        if (!isPostmasterOf(pid, pgData)) {
            log.info("Removing stale {}: process {} is not a PostgreSQL of this data directory", pidFile, pid);
            Files.delete(pidFile);
            return;
        }
        log.info("Stopping PostgreSQL process {} left running on {}", pid, pgData);
        process.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; no client is left
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL process " + pid + " left on " + pgData + " did not stop", e);
        }
    }

    /** Whether the process runs a {@code postgres} binary with {@code -D <pgData>}. */
    static boolean isPostmasterOf(long pid, Path pgData) {
        List<String> args = commandLine(pid);
        if (args.isEmpty() || !Path.of(args.getFirst()).getFileName().toString().equals("postgres")) {
            return false;
        }
        Path dir = pgData.toAbsolutePath().normalize();
        for (int i = 1; i < args.size() - 1; i++) {
            if (args.get(i).equals("-D") && Path.of(args.get(i + 1)).toAbsolutePath().normalize().equals(dir)) {
                return true;
            }
        }
        return false;
    }

    /** The process's arguments from {@code /proc/<pid>/cmdline} (NUL-separated), empty when unreadable. */
    private static List<String> commandLine(long pid) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
