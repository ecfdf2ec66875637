package dev.newsflow.bench.ab;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One build of newsflow, loaded in a class loader of its own from its bench jar and {@code lib/} (what
 * {@code mvn package} leaves in {@code bench/target}), with one of its JMH benchmarks set up and ready to call.
 * Two of these in one JVM share the machine's moment-to-moment noise, which is what lets two builds be compared
 * on a shared machine.
 */
public final class BuildUnderTest implements AutoCloseable {
    private static final String JMH = "org.openjdk.jmh.annotations.";

    private final Path directory;
    private final URLClassLoader loader;
    private final Object benchmark;
    private final Method method;
    private final Object[] arguments;
    private final Map<String, String> parameters;

    private BuildUnderTest(Path directory, URLClassLoader loader, Object benchmark, Method method, Object[] arguments,
                           Map<String, String> parameters) {
        this.parameters = parameters;
        this.directory = directory;
        this.loader = loader;
        this.benchmark = benchmark;
        this.method = method;
        this.arguments = arguments;
    }

    /**
     * @param directory  a directory holding {@code newsflow-bench.jar} and {@code lib/}
     * @param benchmark  a benchmark of the suite, {@code Class.method} (e.g. {@code EnrichmentBenchmark.cleanupAndEnrichment})
     * @param parameters values of the benchmark's {@code @Param} fields by name (an enum's constant, a string or a
     *                   number; the article length is {@code length}); a field not given takes the first of its
     *                   {@code @Param} values, as JMH's first run would
     */
    public static BuildUnderTest load(Path directory, String benchmark, Map<String, String> parameters)
            throws IOException, ReflectiveOperationException {
        Path jar = directory.resolve("newsflow-bench.jar");
        Path lib = directory.resolve("lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalArgumentException(directory + " does not hold newsflow-bench.jar and lib/ (copy them from bench/target after mvn package)");
        }
        int dot = benchmark.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("benchmark as Class.method, e.g. EnrichmentBenchmark.cleanupAndEnrichment: " + benchmark);
        }
        List<URL> urls = new ArrayList<>();
        urls.add(url(jar));
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path p : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(url(p));
            }
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class<?> type = loader.loadClass("dev.newsflow.bench.jmh." + benchmark.substring(0, dot));
            Object instance = type.getConstructor().newInstance();
            Map<String, String> parametersSet = setParameters(instance, parameters, loader);
            setUp(instance, loader);
            Method method = benchmarkMethod(type, benchmark.substring(dot + 1), loader);
            Object[] arguments = new Object[method.getParameterCount()];
            Class<?>[] parameterTypes = method.getParameterTypes();
            for (int k = 0; k < arguments.length; k++) {
                // Auxiliary @State objects (the word counter): fresh instances, set up like the benchmark.
                arguments[k] = parameterTypes[k].getConstructor().newInstance();
                setUp(arguments[k], loader);
            }
            return new BuildUnderTest(directory, loader, instance, method, arguments, parametersSet);
        } catch (ReflectiveOperationException | RuntimeException e) {
            loader.close();
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(p.toString(), e);
        }
    }

    /** Sets the given parameters and every other {@code @Param} field to its first value; returns all, in order. */
    private static Map<String, String> setParameters(Object instance, Map<String, String> given, ClassLoader loader)
            throws ReflectiveOperationException {
        Class<? extends Annotation> param = annotation(loader, "Param");
        for (String name : given.keySet()) {
            Field field;
            try {
                field = instance.getClass().getField(name);
            } catch (NoSuchFieldException e) {
                field = null;
            }
            if (field == null || !field.isAnnotationPresent(param)) {
                throw new IllegalArgumentException(instance.getClass().getSimpleName() + " has no parameter " + name
                        + (name.equals("length") ? " (use --length NONE)" : ""));
            }
        }
        Map<String, String> set = new LinkedHashMap<>();
        for (Field field : instance.getClass().getFields()) {
            Annotation annotation = field.getAnnotation(param);
            if (annotation == null) {
                continue;
            }
            String[] declared = (String[]) param.getMethod("value").invoke(annotation);
            String value = given.containsKey(field.getName()) ? given.get(field.getName())
                    : declared.length > 0 ? declared[0] : null;
            if (value == null) {
                continue;
            }
            field.set(instance, parse(field.getType(), value));
            set.put(field.getName(), value);
        }
        return set;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<?> type, String value) {
        if (type.isEnum()) {
            return Enum.valueOf((Class<Enum>) type, value);
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(value);
        }
        if (type == String.class) {
            return value;
        }
        throw new IllegalArgumentException("a parameter of type " + type.getSimpleName() + " cannot be set here");
    }

    /** The benchmark's parameters as set, by name (those given, and the first value of the others). */
    public Map<String, String> parameters() {
        return parameters;
    }

    private static void setUp(Object instance, ClassLoader loader) throws ReflectiveOperationException {
        Class<? extends Annotation> setup = annotation(loader, "Setup");
        for (Method m : instance.getClass().getMethods()) {
            if (m.isAnnotationPresent(setup) && m.getParameterCount() == 0) {
                invoke(m, instance);
            }
        }
    }

    private static Method benchmarkMethod(Class<?> type, String name, ClassLoader loader) throws ReflectiveOperationException {
        Class<? extends Annotation> marker = annotation(loader, "Benchmark");
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.isAnnotationPresent(marker)) {
                return m;
            }
        }
        throw new NoSuchMethodException("no @Benchmark " + name + " in " + type.getSimpleName());
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Annotation> annotation(ClassLoader loader, String name) throws ClassNotFoundException {
        return (Class<? extends Annotation>) loader.loadClass(JMH + name);
    }

    private static Object invoke(Method m, Object target, Object... args) throws ReflectiveOperationException {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Calls the benchmark method once; returns its result, so that the work cannot be optimised away. */
    Object call() throws ReflectiveOperationException {
        return invoke(method, benchmark, arguments);
    }

    Class<?> benchmarkClass() {
        return benchmark.getClass();
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
