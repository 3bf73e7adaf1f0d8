package io.synthlogs.config;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/** Reads YAML into {@link ConfigValue} trees that remember the line and column of every value. */
final class YamlReader {
    private static final int MAX_CHARS = 1 << 20;

    private YamlReader() {}

    static ConfigValue read(String text, String origin) {
        if (text.length() > MAX_CHARS) {
            throw new ConfigException(origin, "", "configuration is larger than 1 MiB");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_CHARS);
        StreamReader reader = new StreamReader(new StringReader(text));
        Node root;
        try {
            root = new Composer(new ParserImpl(reader, options), new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ConfigException(at(origin, mark != null ? mark : reader.getMark()), "",
                    "invalid YAML: " + oneLine(e.getProblem()));
        } catch (YAMLException e) {
            // Reader and limit errors carry no position: the reader's is where it stopped.
            throw new ConfigException(at(origin, reader.getMark()), "", "invalid YAML: " + oneLine(e.getMessage()));
        }
        if (root == null) {
            return new ConfigValue(new LinkedHashMap<String, ConfigValue>(), origin);
        }
        return new YamlReader.Conversion(origin).convert(root, "");
    }

    private static String at(String origin, Mark mark) {
        return origin + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /**
     * One tree's conversion. Aliases are expanded, so it refuses a node that contains itself and
     * caps the values it creates: a small file cannot expand into millions of nodes.
     */
    private static final class Conversion {
        private static final int MAX_VALUES = 100_000;

        private final String origin;
        private final java.util.Set<Node> onPath = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private int values;

        Conversion(String origin) {
            this.origin = origin;
        }

        ConfigValue convert(Node node, String path) {
            String where = at(origin, node.getStartMark());
            if (++values > MAX_VALUES) {
                throw new ConfigException(where, path, "the configuration expands to more than " + MAX_VALUES
                        + " values (aliases repeated within aliases?)");
            }
            if (!onPath.add(node)) {
                throw new ConfigException(where, path, "an alias refers to a value that contains it");
            }
            try {
                return YamlReader.convert(this, node, origin, path, where);
            } finally {
                onPath.remove(node);
            }
        }
    }

    private static ConfigValue convert(Conversion conversion, Node node, String origin, String path, String where) {
        if (node instanceof MappingNode mapping) {
            Map<String, ConfigValue> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    throw new ConfigException(where, path, "keys must be plain names");
                }
                String key = keyNode.getValue();
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (map.containsKey(key)) {
                    String keyWhere = origin + ":" + (keyNode.getStartMark().getLine() + 1) + ":"
                            + (keyNode.getStartMark().getColumn() + 1);
                    throw new ConfigException(keyWhere, childPath, "key is given twice");
                }
                map.put(key, conversion.convert(tuple.getValueNode(), childPath));
            }
            return new ConfigValue(map, where);
        }
        if (node instanceof SequenceNode sequence) {
            List<ConfigValue> list = new ArrayList<>();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                list.add(conversion.convert(items.get(i), path + "[" + i + "]"));
            }
            return new ConfigValue(list, where);
        }
        ScalarNode scalar = (ScalarNode) node;
        return new ConfigValue(scalar(scalar), where);
    }

    /** {@code text} read as a plain YAML scalar would be: {@code 500} a Long, {@code 0.2} a Double, {@code abc} a String. */
    static Object scalar(String text) {
        return scalar(text, new Resolver().resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, text, true));
    }

    private static Object scalar(ScalarNode scalar) {
        return scalar(scalar.getValue(), scalar.getTag());
    }

    private static Object scalar(String text, Tag tag) {
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                String lower = text.toLowerCase(java.util.Locale.ROOT);
                return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
            }
            if (Tag.INT.equals(tag)) {
                String digits = text.replace("_", "");
                BigInteger big = new BigInteger(digits);
                return big.bitLength() < 64 ? (Object) big.longValue() : big; // too big for a long: kept exact, so an error shows it as written
            }
            if (Tag.FLOAT.equals(tag)) {
                String lower = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
                if (lower.endsWith(".inf") || lower.endsWith(".nan")) {
                    return text;
                }
                return Double.parseDouble(lower);
            }
        } catch (NumberFormatException e) {
            return text;
        }
        return text;
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable" : message.replaceAll("\\s+", " ").trim();
    }
}
