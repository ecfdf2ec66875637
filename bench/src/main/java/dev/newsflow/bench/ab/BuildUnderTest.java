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
import java.util.List;
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

    private BuildUnderTest(Path directory, URLClassLoader loader, Object benchmark, Method method, Object[] arguments) {
        this.directory = directory;
        this.loader = loader;
        this.benchmark = benchmark;
        this.method = method;
        this.arguments = arguments;
    }

    /**
     * @param directory a directory holding {@code newsflow-bench.jar} and {@code lib/}
     * @param benchmark a benchmark of the suite, {@code Class.method} (e.g. {@code EnrichmentBenchmark.cleanupAndEnrichment})
     * @param length    the article length for benchmarks that take one (its {@code length} parameter), or null
     */
    public static BuildUnderTest load(Path directory, String benchmark, String length) throws IOException, ReflectiveOperationException {
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
            if (length != null) {
                setLength(instance, length);
            }
            setUp(instance, loader);
            Method method = benchmarkMethod(type, benchmark.substring(dot + 1), loader);
            Object[] arguments = new Object[method.getParameterCount()];
            Class<?>[] parameterTypes = method.getParameterTypes();
            for (int k = 0; k < arguments.length; k++) {
                // Auxiliary @State objects (the word counter): fresh instances, set up like the benchmark.
                arguments[k] = parameterTypes[k].getConstructor().newInstance();
                setUp(arguments[k], loader);
            }
            return new BuildUnderTest(directory, loader, instance, method, arguments);
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

    private static void setLength(Object instance, String length) throws ReflectiveOperationException {
        Field field;
        try {
            field = instance.getClass().getField("length");
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException(instance.getClass().getSimpleName()
                    + " takes no article length (use --length NONE)");
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object value = Enum.valueOf((Class<Enum>) field.getType(), length);
        field.set(instance, value);
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
