package io.anyhome.nic.cellular.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.types.Variant;

/**
 * One connection to a D-Bus bus, asking ModemManager for its objects. Used by
 * {@link ModemManagerWatcher} from its own thread; the only class that touches the D-Bus library.
 */
final class ModemManagerBus implements AutoCloseable {
    static final String SERVICE = "org.freedesktop.ModemManager1";
    static final String PATH = "/org/freedesktop/ModemManager1";
    static final String DEFAULT_SYSTEM_BUS = "unix:path=/run/dbus/system_bus_socket";
    /** How long connecting and authenticating may take (the library's default waits 10 s for a missing socket). */
    static final int CONNECT_TIMEOUT_MS = 2000;

    private final DBusConnection connection;

    private ModemManagerBus(DBusConnection connection) {
        this.connection = connection;
    }

    /**
     * @param address a D-Bus address such as {@code unix:path=/run/dbus/system_bus_socket}
     * @throws DBusException if the bus cannot be reached
     */
    static ModemManagerBus connect(String address) throws DBusException {
        return new ModemManagerBus(DBusConnectionBuilder.forAddress(address).withShared(false)
                .transportConfig().withServiceLoaderClassLoader(ModemManagerBus.class.getClassLoader())
                .withTimeout(CONNECT_TIMEOUT_MS).back()
                .build());
    }

    /**
     * @param configured the configured address, empty for the system bus
     * @return the configured address, else {@code DBUS_SYSTEM_BUS_ADDRESS}, else the usual socket
     */
    static String address(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String env = System.getenv("DBUS_SYSTEM_BUS_ADDRESS");
        return env == null || env.isBlank() ? DEFAULT_SYSTEM_BUS : env.trim();
    }

    /**
     * @return ModemManager's managed objects as plain data (see {@link ModemManagerMapping})
     * @throws DBusException or a runtime exception of the library if ModemManager does not answer
     */
    Map<String, Map<String, Map<String, Object>>> managedObjects() throws DBusException {
        ObjectManager manager = connection.getRemoteObject(SERVICE, PATH, ObjectManager.class);
        Map<String, Map<String, Map<String, Object>>> objects = new LinkedHashMap<>();
        manager.GetManagedObjects().forEach((path, interfaces) -> {
            Map<String, Map<String, Object>> plainInterfaces = new LinkedHashMap<>();
            interfaces.forEach((name, properties) -> {
                Map<String, Object> plain = new LinkedHashMap<>();
                properties.forEach((key, value) -> plain.put(key, plain(value)));
                plainInterfaces.put(name, plain);
            });
            objects.put(path.getPath(), plainInterfaces);
        });
        return objects;
    }

    /** Variants unwrapped, structures and arrays as lists, object paths as text. */
    static Object plain(Object value) {
        if (value instanceof Variant<?> v) {
            return plain(v.getValue());
        }
        if (value instanceof Struct s) {
            return plainList(Arrays.asList(s.getParameters()));
        }
        if (value instanceof Object[] a) {
            return plainList(Arrays.asList(a));
        }
        if (value instanceof List<?> l) {
            return plainList(l);
        }
        if (value instanceof DBusPath p) {
            return p.getPath();
        }
        return value;
    }

    private static List<Object> plainList(List<?> values) {
        List<Object> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(plain(v)));
        return out;
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
