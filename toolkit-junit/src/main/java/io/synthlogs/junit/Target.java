package io.synthlogs.junit;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A parameter or field to fill.
 *
 * @param description for messages: {@code parameter [LogStream logs] in method [FooTest.m(LogStream)]}
 * @param name the parameter or field name, for file names
 * @param streamKey what the seed is derived from: {@code name:<name>} for named targets, otherwise
 *     {@code parameter:<index>} for the test method's own parameters, {@code parameter:<index> of
 *     <constructor or method>} for those of a constructor or a lifecycle method, or
 *     {@code field:<class>.<field>}
 * @param type the declared type
 * @param annotation the {@code @SyntheticLogs}, directly present or meta-present
 */
record Target(String description, String name, String streamKey, Type type, SyntheticLogs annotation) {

    /**
     * @param ofTestMethod whether the parameter is the test method's own; a constructor's or a
     *     lifecycle method's parameter gets a key of its own, so it never shares the stream of the test
     *     method's parameter at the same index
     */
    static Target of(ParameterContext context, boolean ofTestMethod) {
        Parameter parameter = context.getParameter();
        SyntheticLogs annotation = context.findAnnotation(SyntheticLogs.class).orElseThrow();
        String executable = describe(context.getDeclaringExecutable());
        String description = "parameter [" + Injectable.simpleName(parameter.getParameterizedType()) + " "
                + parameter.getName() + "] in " + executable;
        String key = !annotation.name().isEmpty() ? "name:" + annotation.name()
                : "parameter:" + context.getIndex() + (ofTestMethod ? "" : " of " + executable);
        return new Target(description, parameter.getName(), key, parameter.getParameterizedType(), annotation);
    }

    static Target of(Field field) {
        SyntheticLogs annotation = AnnotationSupport.findAnnotation(field, SyntheticLogs.class).orElseThrow();
        String description = describe(field);
        String key = annotation.name().isEmpty() ? "field:" + field.getDeclaringClass().getName() + "." + field.getName()
                : "name:" + annotation.name();
        return new Target(description, field.getName(), key, field.getGenericType(), annotation);
    }

    /** {@code field [LogStream FooTest.logs]}. */
    static String describe(Field field) {
        return "field [" + Injectable.simpleName(field.getGenericType()) + " " + className(field.getDeclaringClass())
                + "." + field.getName() + "]";
    }

    /** {@code method [FooTest.flags(LogStream, List)]} or {@code constructor [FooTest(LogStream)]}. */
    static String describe(Executable executable) {
        String params = Arrays.stream(executable.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", "));
        String owner = className(executable.getDeclaringClass());
        return executable instanceof java.lang.reflect.Constructor<?> ? "constructor [" + owner + "(" + params + ")]"
                : "method [" + owner + "." + executable.getName() + "(" + params + ")]";
    }

    /** The class name without its package: {@code Outer$Inner}. */
    static String className(Class<?> type) {
        String name = type.getName();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** A file-name-safe stem. */
    String fileStem() {
        String base = streamKey.startsWith("name:") ? streamKey.substring(5) : name;
        return base.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
