package dev.orderflow.schemas.compat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Checks every current event schema against its released version at the level {@code compatibility.properties}
 * asks for, with Avro's own {@link SchemaCompatibility} (no registry needed at build time). A removed event type is
 * an incompatibility too; a new one is fine.
 *
 * <p>Run by the build in {@code process-classes}: {@code CompatibilityGate <current dir> <released dir>
 * <compatibility.properties>} throws, failing the build, with one line per incompatibility naming the schema, the
 * level, the direction, the kind and the field, e.g. {@code dev.orderflow.events.OrderPlaced breaks FULL
 * compatibility, BACKWARD check (new reader, released data): READER_FIELD_MISSING_DEFAULT_VALUE: field 'giftWrap'
 * at /fields/7: ...}.
 */
public final class CompatibilityGate {

    private static final String DEFAULT_KEY = "default";

    private final Map<String, CompatibilityLevel> levels;
    private final CompatibilityLevel defaultLevel;

    /**
     * @param levels schema full name to level, plus {@code default} for the others (BACKWARD when absent); every
     *               value is validated here
     */
    public CompatibilityGate(Properties levels) {
        Map<String, CompatibilityLevel> parsed = new TreeMap<>();
        levels.stringPropertyNames().forEach(name -> parsed.put(name, parse(name, levels.getProperty(name))));
        this.defaultLevel = parsed.getOrDefault(DEFAULT_KEY, CompatibilityLevel.BACKWARD);
        parsed.remove(DEFAULT_KEY);
        this.levels = Map.copyOf(parsed);
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: CompatibilityGate <current schema dir> <released schema dir> <compatibility.properties>");
        }
        CompatibilityGate gate = new CompatibilityGate(loadLevels(Path.of(args[2])));
        CompatibilityReport report = gate.check(SchemaDirectory.readEvents(Path.of(args[0])),
                SchemaDirectory.readEvents(Path.of(args[1])));
        report.newSchemas().forEach(name -> System.out.println("[schema-compatibility-gate] " + name
                + " has no released version yet: it is checked from the next release on"));
        if (!report.compatible()) {
            throw new SchemaCompatibilityException(report.incompatibilities());
        }
    }

    /**
     * Checks every released event type against its current version. A released type missing from {@code current}
     * is an incompatibility; a current type missing from {@code released} is reported as new.
     */
    public CompatibilityReport check(Map<String, Schema> current, Map<String, Schema> released) {
        List<String> problems = new ArrayList<>();
        released.forEach((name, old) -> {
            Schema now = current.get(name);
            if (now == null) {
                problems.add(name + ": the event type was removed; released consumers and producers still use it");
            } else {
                problems.addAll(check(name, now, old));
            }
        });
        List<String> newSchemas = current.keySet().stream().filter(name -> !released.containsKey(name)).sorted()
                .toList();
        return new CompatibilityReport(problems, newSchemas);
    }

    private List<String> check(String name, Schema current, Schema released) {
        CompatibilityLevel level = levelOf(name);
        List<String> problems = new ArrayList<>();
        if (level.checksBackward()) {
            describe(name, level, "BACKWARD check (new reader, released data)", current, released, problems);
        }
        if (level.checksForward()) {
            describe(name, level, "FORWARD check (released reader, new data)", released, current, problems);
        }
        return problems;
    }

    private static void describe(String name, CompatibilityLevel level, String direction, Schema reader,
                                 Schema writer, List<String> problems) {
        for (Incompatibility i : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult()
                .getIncompatibilities()) {
            String where = FieldPath.of(reader, i.getLocation()).map(path -> "field '" + path + "' at ").orElse("")
                    + i.getLocation();
            problems.add(name + " breaks " + level + " compatibility, " + direction + ": " + i.getType() + ": "
                    + where + ": " + explain(i));
        }
    }

    private static String explain(Incompatibility incompatibility) {
        return switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                    "the reader's field has no default, so data written without the field cannot be read";
            case MISSING_ENUM_SYMBOLS ->
                    "the reader's enum lacks " + incompatibility.getMessage() + " and has no default symbol";
            default -> incompatibility.getMessage();
        };
    }

    /** The level {@code schemaName} must keep: its own entry, else {@code default}, else BACKWARD. */
    public CompatibilityLevel levelOf(String schemaName) {
        return levels.getOrDefault(schemaName, defaultLevel);
    }

    private static CompatibilityLevel parse(String schemaName, String value) {
        try {
            return CompatibilityLevel.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value " + value + " for compatibility of " + schemaName
                    + ": expected BACKWARD, FORWARD or FULL", e);
        }
    }

    /** The levels the build checks, as packaged with the schemas: what the registrar sets on each subject. */
    public static CompatibilityGate packaged() {
        Properties props = new Properties();
        try (var in = CompatibilityGate.class.getResourceAsStream("/dev/orderflow/schemas/compatibility.properties")) {
            if (in == null) {
                throw new IllegalStateException("compatibility.properties missing from the schemas jar");
            }
            props.load(in);
            return new CompatibilityGate(props);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged compatibility levels", e);
        }
    }

    public static Properties loadLevels(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read compatibility levels from " + file, e);
        }
    }
}
