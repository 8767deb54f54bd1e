package io.anyhome.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.anyhome.api.nic.Technology;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.dto.DTO;

/**
 * Checks the rules every API type follows (CONVENTIONS rules 1, 2 and 10) by scanning the compiled
 * API classes.
 */
class ApiConventionsTest {
    private static final String PROVIDER = "Lorg/osgi/annotation/versioning/ProviderType;";
    private static final String CONSUMER = "Lorg/osgi/annotation/versioning/ConsumerType;";
    private static final String EXPORT = "Lorg/osgi/annotation/bundle/Export;";
    private static final String VERSION = "Lorg/osgi/annotation/versioning/Version;";

    private static Path classes;
    private static List<String> classNames;

    @BeforeAll
    static void scan() throws IOException, URISyntaxException {
        classes = Path.of(Technology.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            classNames = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .map(s -> s.substring(0, s.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
        assertThat(classNames).as("compiled API classes").contains("io.anyhome.api.nic.Technology");
    }

    private static Map<String, Map<String, Object>> annotations(String className) throws IOException {
        try (InputStream in = Files.newInputStream(classes.resolve(className.replace('.', '/') + ".class"))) {
            return ClassFileAnnotations.read(in);
        }
    }

    @Test
    void givenTheApiClasses_whenScanned_thenEveryPublicInterfaceSaysWhoImplementsIt() throws Exception {
        List<String> wrong = new ArrayList<>();
        int interfaces = 0;
        for (String name : classNames) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            if (!c.isInterface() || c.isAnnotation() || !Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            interfaces++;
            Set<String> found = annotations(name).keySet();
            boolean provider = found.contains(PROVIDER);
            boolean consumer = found.contains(CONSUMER);
            if (provider == consumer) {
                wrong.add(name + (provider ? " has both" : " has neither"));
            }
        }
        assertThat(interfaces).as("public interfaces found").isGreaterThan(10);
        assertThat(wrong).as("interfaces without exactly one of @ProviderType / @ConsumerType").isEmpty();
    }

    @Test
    void givenTheApiPackages_whenScanned_thenEachIsExportedWithAZeroMajorVersion() throws Exception {
        Set<String> packages = new TreeSet<>();
        for (String name : classNames) {
            packages.add(name.substring(0, name.lastIndexOf('.')));
        }
        assertThat(packages).contains("io.anyhome.api", "io.anyhome.api.platform", "io.anyhome.api.nic",
                "io.anyhome.api.ifs", "io.anyhome.api.path", "io.anyhome.api.vi", "io.anyhome.api.mobility",
                "io.anyhome.api.homeagent", "io.anyhome.api.event");
        for (String pkg : packages) {
            assertThat(pkg).as("package name").startsWith("io.anyhome.api").doesNotContain(".internal");
            assertThat(classNames).as("package-info of " + pkg).contains(pkg + ".package-info");
            Map<String, Map<String, Object>> a = annotations(pkg + ".package-info");
            assertThat(a).as("annotations of " + pkg).containsKeys(EXPORT, VERSION);
            assertThat((String) a.get(VERSION).get("value")).as("version of " + pkg).matches("0\\.\\d+\\.\\d+");
        }
    }

    @Test
    void givenTheApiDtos_whenInspected_thenTheyAreOsgiDtosWithPublicMutableFieldsOnly() throws Exception {
        int dtos = 0;
        for (String name : classNames) {
            if (!name.endsWith("DTO")) {
                continue;
            }
            dtos++;
            Class<?> c = Class.forName(name);
            assertThat(DTO.class).as(name + " extends DTO").isAssignableFrom(c);
            assertThat(c.getConstructor().newInstance()).as(name + " has a public no-argument constructor").isNotNull();
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m)) {
                    assertThat(Modifier.isFinal(m)).as(name + "." + f.getName() + " is a constant").isTrue();
                } else {
                    assertThat(Modifier.isPublic(m) && !Modifier.isFinal(m))
                            .as(name + "." + f.getName() + " is public and not final").isTrue();
                }
            }
        }
        assertThat(dtos).as("DTO classes found").isGreaterThanOrEqualTo(15);
    }

    @Test
    void givenTheBundleManifest_whenRead_thenEveryPackageIsExportedAt010AndOnlyOsgiDtoIsImportedFromOutside()
            throws IOException {
        Path manifest = classes.resolve("META-INF/MANIFEST.MF");
        assertThat(manifest).as("manifest written by bnd-process (run the tests through Maven)").exists();
        String text = Files.readString(manifest).replace("\r\n ", "").replace("\n ", "");
        String exports = header(text, "Export-Package");
        String imports = header(text, "Import-Package");
        Set<String> packages = new TreeSet<>();
        classNames.forEach(n -> packages.add(n.substring(0, n.lastIndexOf('.'))));
        for (String pkg : packages) {
            assertThat(exports).as("Export-Package").contains(pkg + ";version=\"0.1.0\"");
        }
        for (String clause : imports.split(",(?=[a-z])")) {
            String pkg = clause.split(";")[0];
            assertThat(pkg).as("imported package")
                    .matches(p -> p.startsWith("java.") || p.startsWith("io.anyhome.api") || p.equals("org.osgi.dto"),
                            "is from the JDK, the API itself or org.osgi.dto");
        }
    }

    private static String header(String manifest, String name) {
        for (String line : manifest.split("\\R")) {
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2);
            }
        }
        throw new AssertionError("manifest has no " + name + " header");
    }
}
