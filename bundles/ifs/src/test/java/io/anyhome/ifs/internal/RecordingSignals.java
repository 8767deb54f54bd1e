package io.anyhome.ifs.internal;

import java.util.ArrayList;
import java.util.List;

/** Keeps every signal the table sends, as text lines a test can compare. */
final class RecordingSignals implements NicSignals {
    final List<String> lines = new ArrayList<>();

    @Override
    public void up(String nic, String technology, long atMillis) {
        lines.add("up " + nic + " " + technology + " at " + atMillis);
    }

    @Override
    public void down(String nic, String technology, long atMillis, String cause) {
        lines.add("down " + nic + " " + technology + " at " + atMillis + ": " + cause);
    }

    @Override
    public void claimed(String nic, String driver, String technology) {
        lines.add("claimed " + nic + " by " + driver);
    }

    @Override
    public void released(String nic, String driver, String reason) {
        lines.add("released " + nic + " by " + driver + ": " + reason);
    }

    @Override
    public void override(String nic, String key, String value) {
        lines.add("override " + nic + " " + key + "=" + value);
    }

    @Override
    public void problem(String message, Throwable cause) {
        lines.add("problem " + message);
    }
}
