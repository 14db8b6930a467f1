package org.openhotline.telephony.ivr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A caller who presses the given keys in order ('.' = stays silent until the timeout) and then waits. */
final class ScriptedCall implements IvrCall {
    final Deque<Character> keys = new ArrayDeque<>();
    final List<String> heard = new ArrayList<>();
    final String caller;
    boolean hungUp;
    String transferredTo;
    boolean leavesWhenKeysRunOut;

    ScriptedCall(String caller, String keys) {
        this.caller = caller;
        for (char c : keys.toCharArray()) this.keys.add(c);
    }

    @Override
    public String caller() {
        return caller;
    }

    @Override
    public String called() {
        return "12345";
    }

    boolean answered;
    boolean early;

    @Override
    public void answer() {
        answered = true;
    }

    @Override
    public void earlyMedia() {
        early = true;
    }

    @Override
    public boolean play(String prompt) {
        heard.add(prompt);
        return true;
    }

    @Override
    public char nextDigit(Duration timeout) {
        if (keys.isEmpty()) {
            if (leavesWhenKeysRunOut) throw new CallerLeft();
            return 0;
        }
        char c = keys.poll();
        return c == '.' ? 0 : c;
    }

    @Override
    public Path recordMessage(Duration max) {
        heard.add("(recording)");
        return Path.of("/tmp/voicemail.wav");
    }

    @Override
    public void transfer(String number) {
        transferredTo = number;
    }

    @Override
    public void hangup() {
        hungUp = true;
    }
}
