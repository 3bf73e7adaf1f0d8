package io.synthlogs.junit;

import io.synthlogs.Scenario;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;

/**
 * Fills {@link SyntheticLogs @SyntheticLogs} parameters and fields, and annotates failures with the
 * seeds that reproduce them. Registered by the annotation itself. Keeps no state of its own: the
 * run's root seed lives in the root context's store, the streams of each context (a class's for
 * {@code @BeforeAll} and a per-class instance, a test's for everything else) in that context's store.
 */
final class SyntheticLogsExtension implements ParameterResolver, BeforeAllCallback, BeforeEachCallback,
        TestExecutionExceptionHandler, InvocationInterceptor {
    static final Namespace NAMESPACE = Namespace.create(SyntheticLogsExtension.class);
    private static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.isAnnotated(SyntheticLogs.class);
    }

    /**
     * A constructor's parameters are resolved in the test's context where there is one instance per
     * test: each test then gets its own data, and its failure names that data's seed.
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Method method = parameter.getDeclaringExecutable() instanceof Method m ? m : null;
        Target target = Target.of(parameter, method != null && context.getTestMethod().filter(method::equals).isPresent());
        // A constructor takes the defaults of its own class: an outer class's, for a @Nested test.
        Class<?> owner = method == null ? parameter.getDeclaringExecutable().getDeclaringClass()
                : context.getTestClass().orElse(method.getDeclaringClass());
        try {
            return provide(target, context, method, owner);
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
                rejectSharedInstance(field, instance.getClass(), context);
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

    /**
     * One instance for all tests of the class, tests running at the same time: a field filled before
     * each would change under the tests already running, which would read each other's data.
     */
    private static void rejectSharedInstance(Field field, Class<?> instanceClass, ExtensionContext context) {
        if (context.getExecutionMode() == ExecutionMode.CONCURRENT
                && context.getConfigurationParameter(PARALLEL_ENABLED, Boolean::parseBoolean).orElse(false)
                && lifecycleOf(instanceClass, context) == TestInstance.Lifecycle.PER_CLASS) {
            throw new ExtensionConfigurationException("F" + Target.describe(field).substring(1)
                    + " is filled before each test, but the tests of its class share one instance"
                    + " (@TestInstance(PER_CLASS)) and run concurrently, so they would read each other's data;"
                    + " use a @SyntheticLogs parameter, the per-method lifecycle, or @Execution(SAME_THREAD)");
        }
    }

    /** The lifecycle of {@code instanceClass}'s instances: an outer class's may differ from the test's own. */
    private static TestInstance.Lifecycle lifecycleOf(Class<?> instanceClass, ExtensionContext context) {
        for (java.util.Optional<ExtensionContext> c = java.util.Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            if (c.get().getTestClass().filter(instanceClass::equals).isPresent() && c.get().getTestMethod().isEmpty()) {
                return c.get().getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD);
            }
        }
        return context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD);
    }

    private Object provide(Target target, ExtensionContext context, Method method, Class<?> testClass) {
        Injectable kind = Injectable.of(target.type()).orElseThrow(() -> new ExtensionConfigurationException(
                Character.toUpperCase(target.description().charAt(0)) + target.description().substring(1)
                        + " is annotated with @SyntheticLogs, but its type " + Injectable.simpleName(target.type())
                        + " is not supported; supported types: " + Injectable.supported()));
        List<Layer> layers = layers(target, context, method, testClass);
        Settings settings = Settings.merge(layers);
        // Keyed by the context's id: a store lookup falls back to the enclosing contexts' stores, and a
        // test must not take over its class's streams.
        TestState state = context.getStore(NAMESPACE).computeIfAbsent(context.getUniqueId(), k -> new TestState(),
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
        Scenario scenario = settings.scenario(testClass.getClassLoader(), seed);
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
        throw FailureNotes.annotate(context, failure);
    }

    /** A dynamic test's failure never reaches {@link #handleTestExecutionException}: annotated here. */
    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
            ExtensionContext context) throws Throwable {
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            throw FailureNotes.annotate(context, failure);
        }
    }
}
