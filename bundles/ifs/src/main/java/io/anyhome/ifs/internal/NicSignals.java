package io.anyhome.ifs.internal;

/**
 * What the {@link NicTable} tells the outside world: fast uplink up/down signals, claim and
 * override news for observers, and problems for the log. Implemented by
 * {@link NicRegistryComponent} (UplinkListener services, EventAdmin, the log) and by tests.
 * Called without the table's lock held, on the thread that saw the change.
 */
interface NicSignals {
    /** A claimed interface became usable. */
    void up(String nic, String technology, long atMillis);

    /** A claimed interface stopped being usable (or its claim ended while it was usable). */
    void down(String nic, String technology, long atMillis, String cause);

    /** A driver claimed an interface. */
    void claimed(String nic, String driver, String technology);

    /** A claim ended. */
    void released(String nic, String driver, String reason);

    /** An override was set ({@code value} non-null) or cleared ({@code value} null). */
    void override(String nic, String key, String value);

    /** Something went wrong in a callback or on a background thread; for the log. */
    void problem(String message, Throwable cause);
}
