package io.anyhome.packet.mh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scapy layer as the peer script builds it: class name, field values, byte fields as hex and,
 * for {@code MIP6OptUnknown}, the alignment scapy should pad it to. The same values are what
 * scapy must report when it dissects our encoding.
 */
final class ScapySpec {
    final String cls;
    final Map<String, Object> fields = new LinkedHashMap<>();
    final Map<String, String> hexFields = new LinkedHashMap<>();
    int[] align;

    private ScapySpec(String cls) {
        this.cls = cls;
    }

    static ScapySpec of(String cls) {
        return new ScapySpec(cls);
    }

    ScapySpec set(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    ScapySpec hex(String name, String hex) {
        hexFields.put(name, hex);
        return this;
    }

    ScapySpec align(int x, int y) {
        align = new int[] {x, y};
        return this;
    }

    String json() {
        List<String> parts = new ArrayList<>();
        parts.add("\"cls\":" + quote(cls));
        parts.add("\"fields\":" + object(fields));
        parts.add("\"hexfields\":" + object(new LinkedHashMap<>(hexFields)));
        if (align != null) {
            parts.add("\"align\":[" + align[0] + "," + align[1] + "]");
        }
        return "{" + String.join(",", parts) + "}";
    }

    /** What scapy reports for this layer: every field given, as text. */
    Map<String, String> expected(String prefix) {
        Map<String, String> e = new LinkedHashMap<>();
        fields.forEach((k, v) -> e.put(prefix + k, String.valueOf(v)));
        hexFields.forEach((k, v) -> e.put(prefix + k, v));
        return e;
    }

    static String object(Map<String, ?> map) {
        List<String> parts = new ArrayList<>();
        map.forEach((k, v) -> parts.add(quote(k) + ":"
                + (v instanceof Number ? v.toString() : quote(String.valueOf(v)))));
        return "{" + String.join(",", parts) + "}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
