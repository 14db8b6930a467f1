package org.openhotline;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL run from the shipped binaries as a child process of the platform, data in
 * {@code data-dir/postgres}. Logins are SCRAM passwords on loopback TCP only (no unix socket, no trust); see
 * {@link DatabaseRoles} for the roles and {@link DatabasePasswords} for where the passwords live. Being the
 * postmaster's parent lets {@link PostgresWatchdog} see at once when it dies and start it again on the same
 * port, where PostgreSQL's crash recovery replays the WAL.
 */
final class EmbeddedPostgresServer implements PostgresWatchdog.Postmaster {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDir;
    private final Path pgData;
    private final Map<String, String> settings;
    private final Duration startupWait;
    private Path installation;
    private DatabasePasswords passwords;
    private int port;
    private volatile Process postmaster;

    EmbeddedPostgresServer(Path dataDir, Map<String, String> settings, Duration startupWait) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.pgData = this.dataDir.resolve("postgres");
        this.settings = new LinkedHashMap<>(settings);
        this.startupWait = startupWait;
    }

    /** Unpacks the binaries, creates or upgrades the cluster, starts it and sets up the roles. */
    synchronized void start() throws IOException {
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PostgresBinaries.OWNER_DIR);
        installation = PostgresBinaries.prepare(dataDir.resolve("pg-bin"));
        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        boolean hadPasswords = Files.exists(passwordFile());
        passwords = DatabasePasswords.loadOrCreate(passwordFile());
        if (fresh) {
            initdb();
        } else {
            PostmasterPidFile.clearLeftover(pgData);
            if (!hadPasswords || trusts()) {
                log.info("Switching the embedded PostgreSQL in {} to password logins", pgData);
                setSuperuserPassword();
            }
        }
        writeHba();
        port = freePort();
        launch();
        try (Connection superuser = connect(DatabasePasswords.SUPERUSER, passwords.superuser())) {
            DatabaseRoles.ensure(superuser, passwords);
        } catch (SQLException e) {
            throw new IOException("Could not set up the database roles: " + e.getMessage(), e);
        }
    }

    /** Starts the postmaster again after it died (same data directory, same port). */
    @Override
    public synchronized void restart() throws IOException {
        Process old = postmaster;
        if (old != null && old.isAlive()) {
            return;
        }
        PostmasterPidFile.clearLeftover(pgData);
        launch();
    }

    synchronized void stop() {
        Process process = postmaster;
        postmaster = null;
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            var stop = new ProcessBuilder(command("pg_ctl", "-D", pgData.toString(), "stop", "-m", "fast",
                    "-w", "-t", "30")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            stop.waitFor(40, TimeUnit.SECONDS);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Process process() {
        return postmaster;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    DatabasePasswords passwords() {
        return passwords;
    }

    Path pgData() {
        return pgData;
    }

    private Path passwordFile() {
        return dataDir.resolve("postgres.passwords");
    }

    /**
     * The command to run a PostgreSQL program. PostgreSQL refuses to run as root; when the platform runs as root
     * (containers, CI) it runs in a user namespace of its own ({@code unshare -U}), as the binaries' library does.
     */
    private List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(installation.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    private void initdb() throws IOException {
        Path pwfile = dataDir.resolve("postgres.initpw");
        Files.deleteIfExists(pwfile);
        Files.createFile(pwfile, PosixFilePermissions.asFileAttribute(PostgresBinaries.OWNER_FILE));
        try {
            Files.writeString(pwfile, passwords.superuser() + "\n");
            run(command("initdb", "-D", pgData.toString(), "-U", DatabasePasswords.SUPERUSER,
                    "--pwfile=" + pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C"));
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** A data directory of an earlier version trusted every local login: give the superuser its password. */
    private void setSuperuserPassword() throws IOException {
        Path script = dataDir.resolve("postgres.initpw");
        Files.deleteIfExists(script);
        Files.createFile(script, PosixFilePermissions.asFileAttribute(PostgresBinaries.OWNER_FILE));
        try {
            Files.writeString(script, "alter role postgres password " + DatabaseRoles.literal(passwords.superuser()) + "\n");
            var single = new ProcessBuilder(command("postgres", "--single", "-D", pgData.toString(),
                    "-c", "unix_socket_directories=", "-c", "listen_addresses=", "postgres"))
                    .redirectInput(script.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(outputFile().toFile())).start();
            if (!single.waitFor(120, TimeUnit.SECONDS) || single.exitValue() != 0) {
                throw new IOException("Could not set the PostgreSQL superuser password; see " + outputFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private boolean trusts() throws IOException {
        return Files.readAllLines(pgData.resolve("pg_hba.conf")).stream()
                .map(String::strip).filter(l -> !l.startsWith("#")).anyMatch(l -> l.matches(".*\\btrust\\b.*"));
    }

    /** Rewritten on every start: password logins on loopback, nothing else. */
    private void writeHba() throws IOException {
        Files.writeString(pgData.resolve("pg_hba.conf"), """
                # Written by OpenHotline on every start: SCRAM password logins over loopback only.
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                host    all       all   127.0.0.1/32  scram-sha-256
                host    all       all   ::1/128       scram-sha-256
                """);
    }

    private void launch() throws IOException {
        List<String> command = command("postgres", "-D", pgData.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=localhost", "-c", "unix_socket_directories=",
                "-c", "password_encryption=scram-sha-256");
        settings.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
        Path output = outputFile();
        if (!Files.exists(output)) {
            Files.createFile(output, PosixFilePermissions.asFileAttribute(PostgresBinaries.OWNER_FILE));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        postmaster = process;
        log.info("Starting embedded PostgreSQL (pid {}) on port {} with data in {}", process.pid(), port, pgData);
        long deadline = System.nanoTime() + startupWait.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("PostgreSQL exited with " + process.exitValue() + ": " + lastLines(output));
            }
            try (Connection c = connect(DatabasePasswords.SUPERUSER, passwords.superuser())) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while PostgreSQL started", e);
            }
        }
        throw new IOException("PostgreSQL did not accept connections within " + startupWait + ": " + lastLines(output), last);
    }

    Connection connect(String user, String password) throws SQLException {
        var props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(), props);
    }

    /** PostgreSQL's own output (start-up errors; later messages go to its log directory). */
    private Path outputFile() {
        return dataDir.resolve("postgres.out");
    }

    private static String lastLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException(command.getFirst() + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
