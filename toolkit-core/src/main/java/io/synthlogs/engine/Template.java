package io.synthlogs.engine;

import io.synthlogs.Level;
import io.synthlogs.config.SourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed message template: literal text and placeholders, the structured fields it fixes, and its
 * Loghub-style ground truth ({@code <*>} for every variable).
 */
final class Template {
    final String eventId;
    final SourceKind source;
    final Level level;
    final String role;
    /** Structured fields this template fixes ({@code [status=502 …]}); null where it fixes none. */
    final Integer presetStatus;
    final String presetErrorCode;
    final String presetMethod;
    final String presetResource;
    final String presetQueryType;
    /** The one service whose own message this is (it names the product: "redis: …"); null: any service. */
    final String service;
    /**
     * The service whose kind of message this is without naming it ({@code [from=kubernetes]}: a pod
     * scheduled, a deployment scaled): that service's alone where the source has it, anyone's where it
     * does not, so a source of other names keeps the message. Null: any service.
     */
    final String from;
    /**
     * How often a normal line picks this template against the others of its level and service:
     * {@link #USUAL} unless {@code [weight=N]} says otherwise (a server starting is rarer than a request).
     */
    final int weight;
    /** {@code [protocol=http]}: the message shows an HTTP call to its upstream, which no database takes. */
    final String protocol;
    static final int USUAL = 50;
    /** The keys a template's {@code [k=v …]} block may set. */
    private static final List<String> PRESETS =
            List.of("status", "error_code", "method", "resource", "query_type", "service", "from", "weight", "protocol");
    /**
     * The text, as {@code literals[0] placeholders[0] literals[1] … placeholders[n-1] literals[n]}:
     * a literal where the text has none is empty. Rendering is then one loop with no test of what
     * kind each part is, a branch that mispredicted as templates change from line to line.
     */
    final EncodedText[] literals;
    final Var[] placeholders;
    final String eventTemplate;
    /** The placeholders it uses, as bits by ordinal: asked several times a line, a bit test is cheaper than a set. */
    private final long varBits;
    final boolean requestScoped;
    /** The labels of every normal line of this template: one shared, immutable instance. */
    final io.synthlogs.Labels normalLabels;

    private Template(String eventId, SourceKind source, Level level, String role, Map<String, String> presets,
            List<String> literals, List<Var> placeholders, String eventTemplate) {
        this.eventId = eventId;
        this.source = source;
        this.level = level;
        this.role = role;
        for (String key : presets.keySet()) {
            if (!PRESETS.contains(key)) {
                throw new IllegalArgumentException(eventId + ": unknown preset " + key);
            }
        }
        this.presetStatus = presets.containsKey("status") ? Integer.valueOf(presets.get("status")) : null;
        this.presetErrorCode = presets.get("error_code");
        this.presetMethod = presets.get("method");
        this.presetResource = presets.get("resource");
        this.presetQueryType = presets.get("query_type");
        this.service = presets.get("service");
        this.from = presets.get("from");
        this.protocol = presets.get("protocol");
        this.weight = presets.containsKey("weight") ? Integer.parseInt(presets.get("weight")) : USUAL;
        if (weight < 1 || weight > USUAL) {
            throw new IllegalArgumentException(eventId + ": weight must be within [1, " + USUAL + "], got " + weight);
        }
        this.literals = literals.stream().map(EncodedText::of).toArray(EncodedText[]::new);
        this.placeholders = placeholders.toArray(Var[]::new);
        this.eventTemplate = eventTemplate;
        this.varBits = placeholders.stream().mapToLong(v -> 1L << v.ordinal()).reduce(0, (a, b) -> a | b);
        this.requestScoped = placeholders.stream().anyMatch(Var::requestScoped);
        this.normalLabels = io.synthlogs.Labels.normal(eventId, eventTemplate);
    }

    /**
     * Those of {@code templates} a line of {@code service}, one of {@code services} (its source's), may
     * show: the generic ones, the service's own, and those {@link #from} a service the source lacks or
     * from this one. A new array only where some are left out.
     */
    static Template[] speaking(Template[] templates, String service, List<String> services) {
        boolean all = true;
        for (Template t : templates) {
            all &= speaks(t, service, services);
        }
        return all ? templates : java.util.Arrays.stream(templates).filter(t -> speaks(t, service, services))
                .toArray(Template[]::new);
    }

    private static boolean speaks(Template t, String service, List<String> services) {
        return (t.service == null || t.service.equals(service))
                && (t.from == null || t.from.equals(service) || !services.contains(t.from));
    }

    boolean uses(Var var) {
        return (varBits & (1L << var.ordinal())) != 0;
    }

    /** Parses {@code ID | source | LEVEL | role | [k=v …] text {var} text}. */
    static Template parse(String line) {
        String[] f = line.split(" \\| ", 5);
        if (f.length != 5) {
            throw new IllegalArgumentException("expected 5 fields separated by ' | '");
        }
        String text = f[4];
        Map<String, String> presets = new LinkedHashMap<>();
        if (text.startsWith("[") && text.indexOf("] ") > 0 && text.substring(1, text.indexOf("] ")).contains("=")) {
            String block = text.substring(1, text.indexOf("] "));
            for (String kv : block.split(" ")) {
                String[] p = kv.split("=", 2);
                presets.put(p[0], p[1]);
            }
            text = text.substring(text.indexOf("] ") + 2);
        }
        List<String> literals = new ArrayList<>();
        List<Var> placeholders = new ArrayList<>();
        StringBuilder truth = new StringBuilder();
        int i = 0;
        while (true) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                literals.add(text.substring(i));
                truth.append(text, i, text.length());
                break;
            }
            int close = text.indexOf('}', open);
            literals.add(text.substring(i, open));
            truth.append(text, i, open);
            placeholders.add(Var.parse(text.substring(open + 1, close)));
            truth.append("<*>");
            i = close + 1;
        }
        SourceKind source = switch (f[1].trim()) {
            case "web" -> SourceKind.WEB;
            case "application" -> SourceKind.APPLICATION;
            case "database" -> SourceKind.DATABASE;
            case "infrastructure" -> SourceKind.INFRASTRUCTURE;
            default -> throw new IllegalArgumentException("unknown source " + f[1]);
        };
        return new Template(f[0].trim(), source, Level.parse(f[2]), f[3].trim(), Map.copyOf(presets),
                literals, placeholders, truth.toString());
    }
}
