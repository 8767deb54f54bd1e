package io.anyhome.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Starts Felix for one node: the framework properties that tell every bundle where the node's
 * things are, then every bundle of the installation's {@code bundle/} directory installed and
 * started. FileInstall watches {@code etc/} and {@code deploy/} through one comma-separated
 * {@code felix.fileinstall.dir}, which makes it run one watcher per directory.
 */
final class FrameworkLauncher {
    /**
     * Started before everything else (start level 1): configuration (so that components find
     * etc/ when they first activate), the log service, Declarative Services and the shell, whose
     * log file writer then records what the other bundles do from their first line on.
     */
    static final Set<String> FIRST = Set.of("org.apache.felix.configadmin", "org.apache.felix.fileinstall",
            "org.apache.felix.log", "org.apache.felix.scr", "io.anyhome.shell");
    static final int BEGINNING_START_LEVEL = 2;

    /** Gogo's shell options for a node without a console: no prompt, and no framework stop when it ends. */
    static final String NO_CONSOLE = "--nointeractive --noshutdown";

    private FrameworkLauncher() {
    }

    /** The framework properties of a node laid out as {@code layout}. */
    static Map<String, String> properties(NodeLayout layout, boolean console, boolean saveConfig) {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, layout.cache().toString());
        // bundle/ is the truth: the cache is rebuilt at every start, configuration lives in etc/
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // one watcher per directory; a throwaway check node leaves a missing deploy/ uncreated
        p.put("felix.fileinstall.dir", saveConfig || Files.isDirectory(layout.deploy())
                ? layout.etc() + "," + layout.deploy() : layout.etc().toString());
        p.put("felix.fileinstall.filter", ".*\\.(jar|cfg|config)");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.log.level", "2");
        p.put("felix.fileinstall.enableConfigSave", Boolean.toString(saveConfig));
        p.put("gosh.args", console ? "" : NO_CONSOLE);
        p.put("anyhome.home", layout.home().toString());
        p.put("anyhome.state", layout.state().toString());
        p.put("anyhome.data", layout.data().toString());
        p.put("anyhome.etc", layout.etc().toString());
        p.put("anyhome.ctl.socket", layout.socket().toString());
        p.put("anyhome.log.file", layout.logFile().toString());
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(BEGINNING_START_LEVEL));
        // the root logger context's level (OSGi Log 1.4 defaults to WARN): what the node says it
        // did (handovers, registrations, NICs claimed) goes to log/anyhome.log
        p.put("org.osgi.service.log.admin.loglevel", "INFO");
        p.put("jffi.extract.dir", layout.nativeDir().toString());
        return p;
    }

    /** Starts the framework with every bundle in {@code bundleDir}; problems go to {@code err}. */
    static Framework start(Map<String, String> properties, Path bundleDir, PrintStream err)
            throws BundleException, IOException {
        // Gogo reads its profile from ${gosh.home}/etc/gosh_profile, a system property
        System.setProperty("gosh.home", properties.get("anyhome.home"));
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(properties);
        framework.init();
        BundleContext context = framework.getBundleContext();
        context.addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.ERROR) {
                err.println("anyhome: " + describe(event));
            }
        });
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : bundles(bundleDir, framework.getSymbolicName())) {
            Bundle bundle = context.installBundle(jar.toUri().toString());
            bundle.adapt(BundleStartLevel.class).setStartLevel(
                    FIRST.contains(bundle.getSymbolicName()) ? 1 : BEGINNING_START_LEVEL);
            installed.add(bundle);
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    err.println("anyhome: cannot start " + bundle.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
        framework.start();
        return framework;
    }

    /** The jars of {@code dir} in name order, without the framework's own jar. */
    static List<Path> bundles(Path dir, String frameworkName) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted()
                    .collect(Collectors.toList());
            List<Path> bundles = new ArrayList<>();
            for (Path jar : jars) {
                if (!frameworkName.equals(symbolicName(jar))) {
                    bundles.add(jar);
                }
            }
            return bundles;
        }
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String name = file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            return name == null ? null : name.split(";")[0].trim();
        }
    }

    private static String describe(FrameworkEvent event) {
        String who = event.getBundle() == null ? "" : event.getBundle().getSymbolicName() + ": ";
        Throwable t = event.getThrowable();
        return who + (t == null ? "framework error" : t.getMessage());
    }
}
