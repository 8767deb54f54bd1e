package io.anyhome.packet.describe;

import java.util.List;
import java.util.Map;

/**
 * Prints a description tree as indented JSON (two spaces, one key a line), so tests can compare
 * whole trees with the golden files under {@code golden/describe} and the schema's examples. It
 * also refuses any value that is not one of the types {@link PacketDescriber} promises.
 */
final class JsonText {
    private JsonText() {
    }

    static String print(Object value) {
        StringBuilder sb = new StringBuilder();
        print(sb, value, "");
        return sb.append('\n').toString();
    }

    private static void print(StringBuilder sb, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            if (!(map instanceof java.util.LinkedHashMap)) {
                throw new AssertionError("not a LinkedHashMap: " + map.getClass());
            }
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(indent).append("  ");
                string(sb, (String) e.getKey());
                sb.append(": ");
                print(sb, e.getValue(), indent + "  ");
                sb.append(++i < map.size() ? ",\n" : "\n");
            }
            sb.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                sb.append(indent).append("  ");
                print(sb, list.get(i), indent + "  ");
                sb.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            sb.append(indent).append(']');
        } else if (value instanceof String s) {
            string(sb, s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            sb.append(value);
        } else {
            throw new AssertionError("not a JSON-ready value: "
                    + (value == null ? "null" : value.getClass()));
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
