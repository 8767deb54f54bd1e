"""A stand-in for ModemManager on a private bus, for the cellular driver's D-Bus test.

Usage: fake_modemmanager.py BUS_ADDRESS
Owns org.freedesktop.ModemManager1 and exports, through org.freedesktop.DBus.ObjectManager at
/org/freedesktop/ModemManager1, one modem whose network port is wwan0: signal 70 %, LTE,
operator "Example Mobile", registered roaming. Prints "ready" once on the bus. A line "change"
on standard input sets signal 40 % and registration home (PropertiesChanged is emitted) and
prints "changed".
"""
import sys

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

MANAGER_PATH = "/org/freedesktop/ModemManager1"
MODEM_PATH = MANAGER_PATH + "/Modem/0"
MODEM = "org.freedesktop.ModemManager1.Modem"
MODEM_3GPP = "org.freedesktop.ModemManager1.Modem.Modem3gpp"
OBJECT_MANAGER = "org.freedesktop.DBus.ObjectManager"
ACCESS_LTE = 1 << 14
REGISTRATION_HOME = 1
REGISTRATION_ROAMING = 5
PORT_NET = 2
PORT_QMI = 6


def signal_quality(percent):
    return dbus.Struct((dbus.UInt32(percent), dbus.Boolean(True)), signature="ub")


class Modem(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, MODEM_PATH)
        self.properties = {
            MODEM: {
                "PrimaryPort": dbus.String("cdc-wdm0"),
                "Ports": dbus.Array([dbus.Struct((dbus.String("cdc-wdm0"), dbus.UInt32(PORT_QMI)), signature="su"),
                                     dbus.Struct((dbus.String("wwan0"), dbus.UInt32(PORT_NET)), signature="su")],
                                    signature="(su)"),
                "SignalQuality": signal_quality(70),
                "AccessTechnologies": dbus.UInt32(ACCESS_LTE),
                "State": dbus.Int32(11),
            },
            MODEM_3GPP: {
                "OperatorName": dbus.String("Example Mobile"),
                "RegistrationState": dbus.UInt32(REGISTRATION_ROAMING),
            },
        }

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        return self.properties[interface][name]

    @dbus.service.method(dbus.PROPERTIES_IFACE, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return dbus.Dictionary(self.properties.get(interface, {}), signature="sv")

    @dbus.service.signal(dbus.PROPERTIES_IFACE, signature="sa{sv}as")
    def PropertiesChanged(self, interface, changed, invalidated):
        pass

    def set(self, interface, name, value):
        self.properties[interface][name] = value
        self.PropertiesChanged(interface, dbus.Dictionary({name: value}, signature="sv"),
                               dbus.Array([], signature="s"))


class Manager(dbus.service.Object):
    def __init__(self, bus, modem):
        super().__init__(bus, MANAGER_PATH)
        self.modem = modem

    @dbus.service.method(OBJECT_MANAGER, out_signature="a{oa{sa{sv}}}")
    def GetManagedObjects(self):
        interfaces = {name: dbus.Dictionary(props, signature="sv") for name, props in self.modem.properties.items()}
        return {dbus.ObjectPath(MODEM_PATH): dbus.Dictionary(interfaces, signature="sa{sv}")}


def main():
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(sys.argv[1])
    modem = Modem(bus)
    Manager(bus, modem)
    name = dbus.service.BusName("org.freedesktop.ModemManager1", bus)
    loop = GLib.MainLoop()

    def on_input(source, condition):
        line = sys.stdin.readline()
        if not line:
            loop.quit()
            return False
        if line.strip() == "change":
            modem.set(MODEM, "SignalQuality", signal_quality(40))
            modem.set(MODEM_3GPP, "RegistrationState", dbus.UInt32(REGISTRATION_HOME))
            print("changed", flush=True)
        return True

    GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_input)
    print("ready", flush=True)
    loop.run()
    del name


if __name__ == "__main__":
    main()
