package org.openhotline.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Saves a session only when there is something to save. Spring Session marks every session changed on every request
 * (its last-access time moves), so each API call ran one more transaction after the answer, an UPDATE that
 * {@link SessionWrites} already makes match no row unless the stored time is a minute old — a round trip and a
 * transaction for nothing, on every read as much as every write (bench/capacity counts them). This
 * repository wraps the JDBC one (it is the one the session filter and {@link StaffSessions} get) and skips the save
 * of a loaded session whose attributes, id and timeout were not touched and whose access time is less than
 * {@link SessionWrites#ACCESS_GRANULARITY_MS} past the stored one: exactly the saves the UPDATE would have made a
 * no-op. New sessions, logins (new id), attribute changes and the minute's access time are saved as before (the
 * save mode stays Spring Session's default, on setAttribute). {@code hotline.session.sparse-saves=false} switches it
 * off (bench/capacity's "before").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hotline.session.sparse-saves", havingValue = "true", matchIfMissing = true)
class SparseSessions {

    /**
     * Wraps Spring Boot's JDBC repository once it is initialised (declaring another repository bean would make Boot's
     * back off). Spring still shuts the JDBC repository itself down (its expired-session clean-up): destruction is
     * registered for the instance it created, not for what a post-processor returns.
     */
    @Bean
    static BeanPostProcessor sparseSessionSaves() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository jdbc
                        ? new Repository<>((FindByIndexNameSessionRepository) jdbc) : bean;
            }
        };
    }

    static final class Repository<S extends Session> implements FindByIndexNameSessionRepository<Tracked<S>> {

        private final FindByIndexNameSessionRepository<S> jdbc;

        Repository(FindByIndexNameSessionRepository<S> jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Tracked<S> createSession() {
            return new Tracked<>(jdbc.createSession(), null);
        }

        @Override
        public void save(Tracked<S> session) {
            if (session.needsSave()) {
                jdbc.save(session.session);
                session.saved();
            }
        }

        @Override
        public Tracked<S> findById(String id) {
            S found = jdbc.findById(id);
            return found == null ? null : new Tracked<>(found, found.getLastAccessedTime());
        }

        @Override
        public void deleteById(String id) {
            jdbc.deleteById(id);
        }

        @Override
        public Map<String, Tracked<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, Tracked<S>> out = new LinkedHashMap<>();
            jdbc.findByIndexNameAndIndexValue(indexName, indexValue)
                    .forEach((id, s) -> out.put(id, new Tracked<>(s, s.getLastAccessedTime())));
            return out;
        }
    }

    /** A session that remembers whether anything but its access time changed since it was read. */
    static final class Tracked<S extends Session> implements Session {

        private final S session;
        /** The access time as stored; null for a session not stored yet. */
        private Instant stored;
        private boolean touched;

        Tracked(S session, Instant stored) {
            this.session = session;
            this.stored = stored;
        }

        boolean needsSave() {
            return stored == null || touched
                    || Duration.between(stored, session.getLastAccessedTime()).toMillis() >= SessionWrites.ACCESS_GRANULARITY_MS;
        }

        void saved() {
            stored = session.getLastAccessedTime();
            touched = false;
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            touched = true;
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return session.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            touched = true;
            session.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            touched = true;
            session.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            session.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(session.getMaxInactiveInterval())) {
                touched = true;
            }
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
