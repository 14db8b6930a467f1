package org.openhotline.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/** Sessions are written only when something besides a recent access time changed (bench/capacity, ADR 017). */
class SparseSessionsTest {

    /** Stores copies, like a database, and counts the saves. */
    static final class Stored implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> rows = new HashMap<>();
        int saves;

        @Override
        public MapSession createSession() {
            return new MapSession();
        }

        @Override
        public void save(MapSession session) {
            saves++;
            rows.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            MapSession row = rows.get(id);
            return row == null ? null : new MapSession(row);
        }

        @Override
        public void deleteById(String id) {
            rows.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    @Test
    void aRequestThatOnlyMovesTheAccessTimeWithinAMinuteWritesNothing() {
        var stored = new Stored();
        var sessions = new SparseSessions.Repository<>(stored);
        var created = sessions.createSession();
        created.setAttribute("SPRING_SECURITY_CONTEXT", "agent1");
        sessions.save(created);
        assertThat(stored.saves).as("a new session is stored").isEqualTo(1);

        var read = sessions.findById(created.getId());
        read.setLastAccessedTime(read.getLastAccessedTime().plusSeconds(59));
        read.setMaxInactiveInterval(read.getMaxInactiveInterval());
        sessions.save(read);
        assertThat(stored.saves).as("only the access time moved, less than a minute").isEqualTo(1);

        var later = sessions.findById(created.getId());
        later.setLastAccessedTime(later.getLastAccessedTime().plusSeconds(60));
        sessions.save(later);
        assertThat(stored.saves).as("a minute later the access time is written").isEqualTo(2);
        assertThat(stored.rows.get(created.getId()).getLastAccessedTime()).isEqualTo(later.getLastAccessedTime());
    }

    @Test
    void attributesIdsAndTimeoutsAreAlwaysSaved() {
        var stored = new Stored();
        var sessions = new SparseSessions.Repository<>(stored);
        var created = sessions.createSession();
        sessions.save(created);

        var s = sessions.findById(created.getId());
        s.setAttribute("a", "b");
        sessions.save(s);
        assertThat(stored.saves).isEqualTo(2);
        sessions.save(s);
        assertThat(stored.saves).as("saved once, then clean again").isEqualTo(2);

        s = sessions.findById(created.getId());
        s.removeAttribute("a");
        sessions.save(s);
        assertThat(stored.saves).isEqualTo(3);
        assertThat(stored.findById(created.getId()).getAttributeNames()).doesNotContain("a");

        s = sessions.findById(created.getId());
        s.setMaxInactiveInterval(Duration.ofMinutes(15));
        sessions.save(s);
        assertThat(stored.saves).isEqualTo(4);

        s = sessions.findById(created.getId());
        String before = s.getId();
        s.changeSessionId();
        sessions.save(s);
        assertThat(stored.saves).as("a login changes the id").isEqualTo(5);
        assertThat(s.getId()).isNotEqualTo(before);
    }
}
