package io.synthlogs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.Level;
import io.synthlogs.config.SourceKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateCatalogTest {
    private final List<Template> all = TemplateCatalog.bundled().all();

    @Test
    void there_are_at_least_150_distinct_templates_with_unique_stable_ids() {
        Set<String> ids = new HashSet<>();
        Set<String> truths = new HashSet<>();
        for (Template t : all) {
            assertThat(ids.add(t.eventId)).as("duplicate id %s", t.eventId).isTrue();
            assertThat(truths.add(t.eventTemplate)).as("duplicate template %s", t.eventTemplate).isTrue();
            assertThat(t.eventId).matches("[WADI]\\d{3}");
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    }

    /**
     * Each placeholder draws its own value, so one named twice would disagree with itself ("SELECT on
     * payments used … inventory_pkey"); only an outage's upstream is fixed for the whole line.
     */
    @Test
    void a_placeholder_appears_once_in_a_template_unless_the_line_fixes_its_value() {
        for (Template t : all) {
            Set<Object> seen = new HashSet<>();
            for (Object placeholder : t.placeholders) {
                if (!seen.add(placeholder)) {
                    assertThat(placeholder.toString() + " in " + t.role).as(t.eventId).isEqualTo("UPSTREAM in outage:down");
                }
            }
        }
    }

    @Test
    void every_source_has_normal_templates_at_every_level_and_debug_has_its_own() {
        for (SourceKind kind : SourceKind.values()) {
            for (Level level : Level.values()) {
                assertThat(TemplateCatalog.bundled().find(kind, level, TemplateCatalog.NORMAL))
                        .as("%s %s", kind, level).hasSizeGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void event_templates_mark_every_variable_loghub_style() {
        for (Template t : all) {
            assertThat(t.eventTemplate).doesNotContain("{").doesNotContain("}");
            long stars = t.eventTemplate.split("<\\*>", -1).length - 1;
            assertThat(stars).as(t.eventId).isEqualTo((long) t.placeholders.length);
        }
    }
}
