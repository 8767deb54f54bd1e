package io.anyhome.api;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the class-level annotations of a class file, including those with {@code CLASS} retention
 * (the OSGi bundle and versioning annotations), which reflection cannot see. Keys are annotation
 * type descriptors ({@code Lorg/osgi/annotation/versioning/Version;}); values map element names to
 * constant values (strings for string elements, lists for arrays, null for other kinds).
 */
final class ClassFileAnnotations {
    private ClassFileAnnotations() {
    }

    static Map<String, Map<String, Object>> read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        data.readUnsignedShort();
        data.readUnsignedShort();
        int count = data.readUnsignedShort();
        Object[] pool = new Object[count];
        for (int i = 1; i < count; i++) {
            int tag = data.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = data.readUTF();
                case 3 -> pool[i] = data.readInt();
                case 4 -> pool[i] = data.readFloat();
                case 5 -> pool[i++] = data.readLong();
                case 6 -> pool[i++] = data.readDouble();
                case 7, 8, 16, 19, 20 -> data.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> data.readInt();
                case 15 -> {
                    data.readUnsignedByte();
                    data.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        data.readUnsignedShort(); // access
        data.readUnsignedShort(); // this
        data.readUnsignedShort(); // super
        skip(data, 2 * data.readUnsignedShort()); // interfaces
        for (int members = 0; members < 2; members++) { // fields, then methods
            int n = data.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                skip(data, 6);
                int attributes = data.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    data.readUnsignedShort();
                    skip(data, data.readInt());
                }
            }
        }
        Map<String, Map<String, Object>> result = new HashMap<>();
        int attributes = data.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String name = (String) pool[data.readUnsignedShort()];
            int length = data.readInt();
            if (name.equals("RuntimeInvisibleAnnotations") || name.equals("RuntimeVisibleAnnotations")) {
                int n = data.readUnsignedShort();
                for (int i = 0; i < n; i++) {
                    String type = (String) pool[data.readUnsignedShort()];
                    result.put(type, readPairs(data, pool));
                }
            } else {
                skip(data, length);
            }
        }
        return result;
    }

    private static Map<String, Object> readPairs(DataInputStream data, Object[] pool) throws IOException {
        Map<String, Object> pairs = new HashMap<>();
        int n = data.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            String element = (String) pool[data.readUnsignedShort()];
            pairs.put(element, readValue(data, pool));
        }
        return pairs;
    }

    private static Object readValue(DataInputStream data, Object[] pool) throws IOException {
        int tag = data.readUnsignedByte();
        switch (tag) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's':
                return pool[data.readUnsignedShort()];
            case 'e':
                data.readUnsignedShort();
                return pool[data.readUnsignedShort()];
            case 'c':
                data.readUnsignedShort();
                return null;
            case '@':
                data.readUnsignedShort();
                readPairs(data, pool);
                return null;
            case '[':
                int n = data.readUnsignedShort();
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    values.add(readValue(data, pool));
                }
                return values;
            default:
                throw new IOException("unknown element value tag " + (char) tag);
        }
    }

    private static void skip(DataInputStream data, int n) throws IOException {
        data.skipNBytes(n);
    }
}
