package org.openhotline.telephony;

import java.util.List;
import org.openhotline.telephony.sip.Registrations.Binding;

/**
 * Where the engine keeps its phones' registrations beyond its own memory, so that another engine — the node that
 * takes over the call center in a cluster, or this platform after a restart — reaches a phone that registered
 * once, without waiting for its next REGISTER (docs/adr/050-cluster.md, decision 7). The registrar tells the store
 * of every binding it makes or drops; an engine loads the store at start and when told to
 * ({@link TelephonyEngine#restoreRegistrations()}). Called on SIP stack threads: an implementation must not block
 * them on a slow database (queue the write). Expired bindings need not be removed: {@link #load()} leaves them out.
 */
public interface RegistrationStore {
    /** Keeps nothing: registrations live in the engine's memory only (the default). */
    RegistrationStore NONE = new RegistrationStore() {
        @Override
        public void saved(Binding binding) {
        }

        @Override
        public void removed(String extension) {
        }

        @Override
        public List<Binding> load() {
            return List.of();
        }
    };

    /** A phone registered or refreshed its registration. */
    void saved(Binding binding);

    /** A phone unregistered (Expires 0 or a wildcard Contact). */
    void removed(String extension);

    /** The bindings on record that have not expired (an engine filters again by its own clock). */
    List<Binding> load();
}
