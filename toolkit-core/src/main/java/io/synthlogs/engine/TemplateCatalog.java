package io.synthlogs.engine;

import io.synthlogs.Level;
import io.synthlogs.config.SourceKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The message templates bundled as {@code templates.txt}, loaded once and looked up by role. */
final class TemplateCatalog {
    static final String NORMAL = "normal";
    private static final TemplateCatalog BUNDLED = load();

    private final List<Template> all;
    /** The bundled catalog is shared by every generator, on any thread. */
    private final Map<Key, Template[]> found = new ConcurrentHashMap<>();

    private TemplateCatalog(List<Template> all) {
        this.all = Collections.unmodifiableList(all);
    }

    static TemplateCatalog bundled() {
        return BUNDLED;
    }

    List<Template> all() {
        return all;
    }

    /**
     * Templates of a source, level ({@code null}: any) and role; empty when none match. Looked up
     * once per key and shared, since anomaly patterns ask on every episode: callers must not modify
     * the array.
     */
    Template[] find(SourceKind source, Level level, String role) {
        Key key = new Key(source, level, role);
        Template[] templates = found.get(key);
        if (templates == null) {
            // Not computeIfAbsent: its capturing lambda would be made on every lookup, hits included.
            templates = all.stream()
                    .filter(t -> t.source == source && (level == null || t.level == level) && t.role.equals(role))
                    .toArray(Template[]::new);
            Template[] raced = found.putIfAbsent(key, templates);
            templates = raced != null ? raced : templates;
        }
        return templates;
    }

    /**
     * Written out: a record's own hashCode and equals run through method handles, which cost a
     * start-up's first call about 4 % of the main thread and every later lookup more than a plain method.
     */
    private record Key(SourceKind source, Level level, String role) {
        @Override
        public int hashCode() {
            return (source.ordinal() * 8 + (level == null ? 7 : level.ordinal())) * 31 + role.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.source == source && k.level == level && k.role.equals(role);
        }
    }

    private static TemplateCatalog load() {
        List<Template> templates = new ArrayList<>();
        try (InputStream in = TemplateCatalog.class.getResourceAsStream("templates.txt")) {
            if (in == null) {
                throw new IllegalStateException("templates.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    templates.add(Template.parse(line));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("templates.txt:" + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TemplateCatalog(templates);
    }
}
