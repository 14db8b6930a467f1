package org.openhotline.telephony.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Legs that hear each other; the mixer reads the membership every tick, commands change it. */
public final class Room {
    private final String id;
    final List<MediaLeg> members = new CopyOnWriteArrayList<>();

    public Room(String id) {
        this.id = id;
    }

    public void join(MediaLeg leg, Role role, MediaLeg whisperTarget) {
        Room old = leg.room;
        if (old != null && old != this) old.leave(leg);
        leg.role = role;
        leg.whisperTarget = whisperTarget;
        leg.room = this;
        if (!members.contains(leg)) members.add(leg);
    }

    public void join(MediaLeg leg) {
        join(leg, Role.SPEAKER, null);
    }

    public void leave(MediaLeg leg) {
        members.remove(leg);
        if (leg.room == this) leg.room = null;
    }

    /** Whether {@code listener} hears {@code source} in this room. */
    static boolean hears(MediaLeg listener, MediaLeg source) {
        if (listener == source || source.isHeld() || listener.isHeld()) return false;
        if (source.isMuted() && listener.role == Role.SPEAKER) return false;
        return switch (source.role) {
            case SPEAKER -> true;
            case LISTENER -> false;
            case WHISPERER -> source.whisperTarget == listener;
        };
    }

    public List<MediaLeg> members() {
        return List.copyOf(members);
    }

    public String id() {
        return id;
    }
}
