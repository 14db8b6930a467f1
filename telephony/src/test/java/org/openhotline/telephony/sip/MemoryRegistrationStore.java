package org.openhotline.telephony.sip;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.telephony.RegistrationStore;

/** A registration store in a map, shared by the engines of a test as the database is by the nodes of a cluster. */
final class MemoryRegistrationStore implements RegistrationStore {
    private final Map<String, Registrations.Binding> bindings = new ConcurrentHashMap<>();

    @Override
    public void saved(Registrations.Binding binding) {
        bindings.put(binding.extension(), binding);
    }

    @Override
    public void removed(String extension) {
        bindings.remove(extension);
    }

    @Override
    public List<Registrations.Binding> load() {
        return List.copyOf(bindings.values());
    }
}
