package io.anyhome.shell.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.osgi.dto.DTO;

/**
 * The one formatter of every command's DTOs: {@link #json} for machines ({@code --json}) and
 * {@link #table} for people. A table shows the DTO's simple fields as {@code name: value} lines,
 * then each list of DTOs as a table with one column per field, in declaration order.
 */
public final class DtoFormatter {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private DtoFormatter() {
    }

    /** One line of JSON: the DTO's public fields, nested DTOs as objects, lists as arrays. */
    public static String json(Object dto) {
        return GSON.toJson(dto);
    }

    /** The human form of a DTO (or of a list of DTOs). */
    public static String table(Object dto) {
        if (dto instanceof Collection<?> || dto != null && dto.getClass().isArray()) {
            return rows(elements(dto));
        }
        StringBuilder text = new StringBuilder();
        List<Field> nested = new ArrayList<>();
        for (Field f : fields(dto.getClass())) {
            Object value = read(f, dto);
            if (isDtoList(value)) {
                nested.add(f);
            } else {
                text.append(f.getName()).append(": ").append(cell(value)).append('\n');
            }
        }
        for (Field f : nested) {
            text.append('\n').append(f.getName()).append(":\n").append(rows(elements(read(f, dto))));
        }
        return text.toString().stripTrailing();
    }

    private static String rows(List<?> items) {
        if (items.isEmpty()) {
            return "(none)\n";
        }
        List<Field> columns = fields(items.get(0).getClass());
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.stream().map(f -> f.getName().toUpperCase()).toArray(String[]::new));
        for (Object item : items) {
            lines.add(columns.stream().map(f -> cell(read(f, item))).toArray(String[]::new));
        }
        int[] widths = new int[columns.size()];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                row.append(i == line.length - 1 ? line[i] : pad(line[i], widths[i] + 2));
            }
            text.append(row.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Collection<?> || value.getClass().isArray()) {
            List<?> items = elements(value);
            return items.isEmpty() ? "-" : items.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    private static boolean isDtoList(Object value) {
        if (!(value instanceof Collection<?>) && (value == null || !value.getClass().isArray())) {
            return false;
        }
        if (value.getClass().isArray()) {
            return DTO.class.isAssignableFrom(value.getClass().getComponentType());
        }
        Collection<?> c = (Collection<?>) value;
        return c.isEmpty() || c.iterator().next() instanceof DTO;
    }

    private static List<?> elements(Object value) {
        if (value instanceof Collection<?>) {
            return List.copyOf((Collection<?>) value);
        }
        int n = Array.getLength(value);
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(Array.get(value, i));
        }
        return items;
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && c != DTO.class; c = c.getSuperclass()) {
            List<Field> own = Arrays.stream(c.getDeclaredFields())
                    .filter(f -> Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers()))
                    .collect(Collectors.toList());
            fields.addAll(0, own);
        }
        return fields;
    }

    private static Object read(Field f, Object target) {
        try {
            return f.get(target);
        } catch (IllegalAccessException e) {
            return "?";
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
