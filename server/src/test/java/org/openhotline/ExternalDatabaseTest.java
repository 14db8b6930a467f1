package org.openhotline;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * HOTLINE_DB_URL points the platform at an external PostgreSQL (here a separately started server standing in
 * for the city's database): the schema and demo data go there and no embedded database starts.
 */
class ExternalDatabaseTest {

    @Test
    void anExternalPostgresIsUsedInsteadOfTheEmbeddedOne() throws Exception {
        Path external = Files.createTempDirectory(Path.of("target"), "external-pg-");
        Path dataDir = Files.createTempDirectory(Path.of("target"), "external-data-");
        try (var pg = EmbeddedPostgres.builder().setDataDirectory(external.resolve("pg")).start()) {
            var admin = JdbcClient.create(pg.getPostgresDatabase());
            admin.sql("create user hotline password 'Hotline-Db-1' createdb").update();
            admin.sql("create database hotline owner hotline").update();
            String url = pg.getJdbcUrl("hotline", "hotline");
            try (var app = new SpringApplicationBuilder(HotlineApplication.class).run(
                    "--hotline.data-dir=" + dataDir, "--hotline.db.url=" + url, "--hotline.db.user=hotline",
                    "--hotline.db.password=Hotline-Db-1", "--hotline.demo.password=" + ApiClient.DEMO_PASSWORD, "--hotline.demo.history=false",
                    "--server.port=0", "--hotline.sip.enabled=false")) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                assertThat(ApiClient.loggedIn(port, "manager").get("/api/auth/me").status()).isEqualTo(200);
            }
            var db = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "hotline", "Hotline-Db-1"));
            assertThat(db.sql("select count(*) from account where username = 'manager'").query(Long.class).single()).isEqualTo(1);
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }
}
