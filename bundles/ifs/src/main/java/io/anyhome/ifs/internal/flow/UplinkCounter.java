package io.anyhome.ifs.internal.flow;

/**
 * Bytes and packets the switch handed to one uplink's path, kept across routings for the
 * accounting period. Plain fields written by the data path: exact with one reading thread.
 */
final class UplinkCounter {
    final String uplink;
    long bytes;
    long packets;

    UplinkCounter(String uplink) {
        this.uplink = uplink;
    }
}
