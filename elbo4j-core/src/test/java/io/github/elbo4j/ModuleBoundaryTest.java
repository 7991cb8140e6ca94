package io.github.elbo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's boundary: a package {@code module-info.java} does not export is internal, so no
 * public or protected signature of an exported package (fields, constructors, methods, record
 * components, supertypes, with their type arguments) may name one of its types: a user could not
 * use such a member, and the internal package would be API after all. Catches an internal type
 * leaking into the API when code moves between packages.
 */
class ModuleBoundaryTest {

    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void noExportedSignatureNamesAnInternalType() throws IOException {
        Set<String> exported = exportedPackages();
        Set<String> all = new TreeSet<>();
        List<String> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class"))
                    .forEach(p -> {
                        String name = CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                        classes.add(name);
                        all.add(name.substring(0, name.lastIndexOf('.')));
                    });
        }
        Set<String> internal = new TreeSet<>(all);
        internal.removeAll(exported);
        assertThat(exported).as("exported packages").isNotEmpty();
        List<String> leaks = new ArrayList<>();
        for (String name : classes) {
            Class<?> c;
            try {
                c = Class.forName(name, false, getClass().getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + name, e);
            }
            if (!exported.contains(c.getPackageName()) || !isVisible(c)) {
                continue;
            }
            check(c.getName() + " extends", c.getGenericSuperclass(), internal, leaks);
            for (Type t : c.getGenericInterfaces()) {
                check(c.getName() + " implements", t, internal, leaks);
            }
            for (Field f : c.getDeclaredFields()) {
                if (isVisible(f.getModifiers())) {
                    check(c.getName() + "." + f.getName(), f.getGenericType(), internal, leaks);
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (isVisible(k.getModifiers())) {
                    for (Type t : k.getGenericParameterTypes()) {
                        check(c.getName() + " constructor", t, internal, leaks);
                    }
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (isVisible(m.getModifiers()) && !m.isSynthetic()) {
                    check(c.getName() + "." + m.getName() + " returns", m.getGenericReturnType(), internal, leaks);
                    for (Type t : m.getGenericParameterTypes()) {
                        check(c.getName() + "." + m.getName() + " takes", t, internal, leaks);
                    }
                }
            }
        }
        assertThat(leaks).as("internal packages %s", internal).isEmpty();
    }

    /** The packages {@code exports} lists in {@code src/main/java/module-info.java}. */
    static Set<String> exportedPackages() throws IOException {
        String source = Files.readString(Path.of("src/main/java/module-info.java"));
        Matcher m = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;").matcher(source);
        Set<String> out = new TreeSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!isVisible(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String where, Type t, Set<String> internal, List<String> leaks) {
        if (t == null) {
            return;
        }
        if (t instanceof Class<?> c) {
            Class<?> e = c;
            while (e.isArray()) {
                e = e.getComponentType();
            }
            if (!e.isPrimitive() && internal.contains(e.getPackageName())) {
                leaks.add(where + ": " + e.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            check(where, p.getRawType(), internal, leaks);
            for (Type a : p.getActualTypeArguments()) {
                check(where, a, internal, leaks);
            }
        } else if (t instanceof GenericArrayType g) {
            check(where, g.getGenericComponentType(), internal, leaks);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                check(where, b, internal, leaks);
            }
            for (Type b : w.getLowerBounds()) {
                check(where, b, internal, leaks);
            }
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                if (b != Object.class) {
                    check(where, b, internal, leaks);
                }
            }
        }
    }
}
