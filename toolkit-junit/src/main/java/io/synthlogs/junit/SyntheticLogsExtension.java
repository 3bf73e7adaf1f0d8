package io.synthlogs.junit;

import io.synthlogs.Scenario;
import io.synthlogs.format.LogFormat;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;

/**
 * Fills {@link SyntheticLogs @SyntheticLogs} parameters and fields, and annotates failures with the
 * seeds that reproduce them. Registered by the annotation itself. Keeps no state of its own: the
 * run's root seed lives in the root context's store, each test's streams in the test's store.
 */
final class SyntheticLogsExtension
        implements ParameterResolver, BeforeAllCallback, BeforeEachCallback, TestExecutionExceptionHandler {
    static final Namespace NAMESPACE = Namespace.create(SyntheticLogsExtension.class);
    /** Streams longer than this are not attached to a failed test as a file. */
    static final int ATTACHED_LINES_MAX = 1_000_000;
    private static final MediaType JSON_LINES = MediaType.create("application", "x-ndjson", StandardCharsets.UTF_8);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(SyntheticLogs.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Target target = Target.of(parameter);
        Method method = parameter.getDeclaringExecutable() instanceof Method m ? m : null;
        try {
            return provide(target, context, method, context.getTestClass().orElse(parameter.getDeclaringExecutable()
                    .getDeclaringClass()));
        } catch (ExtensionConfigurationException e) {
            throw new ParameterResolutionException(e.getMessage(), e.getCause() == null ? e : e.getCause());
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        rejectStaticFields(context.getRequiredTestClass());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            rejectStaticFields(instance.getClass());
            List<Field> fields = AnnotationSupport.findAnnotatedFields(instance.getClass(), SyntheticLogs.class,
                    ModifierSupport::isNotStatic);
            for (Field field : fields) {
                Object value = provide(Target.of(field), context, context.getTestMethod().orElse(null),
                        instance.getClass());
                field.setAccessible(true);
                field.set(instance, value);
            }
        }
    }

    private static void rejectStaticFields(Class<?> testClass) {
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, SyntheticLogs.class, ModifierSupport::isStatic)) {
            throw new ExtensionConfigurationException("F" + Target.describe(field).substring(1)
                    + " is static, but @SyntheticLogs fills instance fields before each test; "
                    + "make it an instance field or use a parameter");
        }
    }

    private Object provide(Target target, ExtensionContext context, Method method, Class<?> testClass) {
        Injectable kind = Injectable.of(target.type()).orElseThrow(() -> new ExtensionConfigurationException(
                Character.toUpperCase(target.description().charAt(0)) + target.description().substring(1)
                        + " is annotated with @SyntheticLogs, but its type " + Injectable.simpleName(target.type())
                        + " is not supported; supported types: " + Injectable.supported()));
        List<Layer> layers = layers(target, context, method, testClass);
        Settings settings = Settings.merge(layers);
        TestState state = context.getStore(NAMESPACE).computeIfAbsent(TestState.class, k -> new TestState(),
                TestState.class);
        Generated generated = state.stream(target.streamKey());
        if (generated == null) {
            generated = generate(target, settings, context, testClass);
            state.add(generated);
        } else {
            List<String> conflicts = generated.settings().conflicts(layers.get(0));
            if (!conflicts.isEmpty()) {
                throw new ExtensionConfigurationException("@SyntheticLogs(name = \"" + target.annotation().name()
                        + "\") on " + target.description() + " shares its stream with " + generated.targets().get(0)
                        + ", but asks for other data: " + String.join(", ", conflicts)
                        + "; set the data attributes on one of them only");
            }
            generated.targets().add(target.description());
        }
        return kind.produce(generated.lines(), settings, state::newFile, target.name());
    }

    private static List<Layer> layers(Target target, ExtensionContext context, Method method, Class<?> testClass) {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.of(target.annotation(), target.description()));
        if (method != null) {
            AnnotationSupport.findAnnotation(method, SyntheticLogsDefaults.class)
                    .ifPresent(d -> layers.add(Layer.of(d, Target.describe(method))));
        }
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Class<?> owner = type;
            AnnotationSupport.findAnnotation(type, SyntheticLogsDefaults.class)
                    .ifPresent(d -> layers.add(Layer.of(d, "class [" + Target.className(owner) + "]")));
        }
        layers.add(Layer.fromConfiguration(context));
        return layers;
    }

    private static Generated generate(Target target, Settings settings, ExtensionContext context, Class<?> testClass) {
        Seeds.Root root = Seeds.root(context);
        boolean pinned = settings.seed() != null;
        long seed = pinned ? settings.seed()
                : Seeds.derive(root.seed(), Seeds.testKey(context.getUniqueId()), target.streamKey());
        Scenario scenario = new Scenario(settings.synthConfig(testClass.getClassLoader()), seed, settings.start());
        GeneratedLines lines = new GeneratedLines(scenario, settings.count());
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("synthlogs.target", target.description());
        entry.put("synthlogs.seed", Long.toString(seed));
        entry.put("synthlogs.rootSeed", Long.toString(root.seed()));
        context.publishReportEntry(entry);
        List<String> targets = new ArrayList<>(List.of(target.description()));
        return new Generated(target.streamKey(), targets, target.fileStem(), settings, root, pinned, lines);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        TestState state = context.getStore(NAMESPACE).get(TestState.class, TestState.class);
        if (state != null && !state.streams().isEmpty()) {
            Map<String, String> attached = new LinkedHashMap<>();
            for (Generated generated : state.streams()) {
                if (generated.lines().count() > ATTACHED_LINES_MAX) {
                    continue; // gigabytes help no one; the seed lines reproduce the data
                }
                String file = "synthlogs-" + generated.fileStem() + ".jsonl";
                try {
                    context.publishFile(file, JSON_LINES, path -> generated.lines().writeTo(path, LogFormat.JSON));
                    attached.put(generated.key(), file);
                } catch (RuntimeException e) {
                    // No report directory in this launcher: the seed lines still reproduce the data.
                }
            }
            failure.addSuppressed(SyntheticLogsReproduction.of(state.streams(), context.getRequiredTestClass().getName(),
                    context.getTestMethod().map(Method::getName).orElse("*"), attached));
        }
        throw failure;
    }
}
