package io.synthlogs.config;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

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
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? origin : origin + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new ConfigException(where, "", "invalid YAML: " + oneLine(e.getProblem()));
        } catch (YAMLException e) {
            throw new ConfigException(origin, "", "invalid YAML: " + oneLine(e.getMessage()));
        }
        if (root == null) {
            return new ConfigValue(new LinkedHashMap<String, ConfigValue>(), origin);
        }
        return convert(root, origin, "");
    }

    private static ConfigValue convert(Node node, String origin, String path) {
        String where = origin + ":" + (node.getStartMark().getLine() + 1) + ":" + (node.getStartMark().getColumn() + 1);
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
                map.put(key, convert(tuple.getValueNode(), origin, childPath));
            }
            return new ConfigValue(map, where);
        }
        if (node instanceof SequenceNode sequence) {
            List<ConfigValue> list = new ArrayList<>();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                list.add(convert(items.get(i), origin, path + "[" + i + "]"));
            }
            return new ConfigValue(list, where);
        }
        ScalarNode scalar = (ScalarNode) node;
        return new ConfigValue(scalar(scalar), where);
    }

    private static Object scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
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
                return big.bitLength() < 63 ? (Object) big.longValue() : (Object) big.doubleValue();
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
