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
 * direction, the kind and the field.
 */
public final class CompatibilityGate {

    private final Properties levels;

    public CompatibilityGate(Properties levels) {
        this.levels = levels;
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: CompatibilityGate <current schema dir> <released schema dir> <compatibility.properties>");
        }
        CompatibilityGate gate = new CompatibilityGate(loadLevels(Path.of(args[2])));
        List<String> problems = gate.check(SchemaDirectory.readEvents(Path.of(args[0])),
                SchemaDirectory.readEvents(Path.of(args[1])));
        if (!problems.isEmpty()) {
            throw new SchemaCompatibilityException(problems);
        }
        System.out.println("[schema-compatibility-gate] all event schemas are compatible with " + args[1]);
    }

    /** Returns one message per incompatibility; empty when every schema keeps its level. */
    public List<String> check(Map<String, Schema> current, Map<String, Schema> released) {
        List<String> problems = new ArrayList<>();
        released.forEach((name, old) -> {
            Schema now = current.get(name);
            if (now == null) {
                problems.add(name + ": the event type was removed; released consumers and producers still use it");
            } else {
                problems.addAll(check(name, now, old));
            }
        });
        return problems;
    }

    private List<String> check(String name, Schema current, Schema released) {
        CompatibilityLevel level = levelOf(name);
        List<String> problems = new ArrayList<>();
        if (level.checksBackward()) {
            describe(name, level, "BACKWARD (new reader, released data)", current, released, problems);
        }
        if (level.checksForward()) {
            describe(name, level, "FORWARD (released reader, new data)", released, current, problems);
        }
        return problems;
    }

    private static void describe(String name, CompatibilityLevel level, String direction, Schema reader,
                                 Schema writer, List<String> problems) {
        for (Incompatibility i : SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult()
                .getIncompatibilities()) {
            problems.add(name + " breaks " + level + " compatibility, " + direction + ": " + i.getType() + ": "
                    + i.getMessage() + " at " + i.getLocation());
        }
    }

    /** The level {@code schemaName} must keep: its own entry, else {@code default}, else BACKWARD. */
    public CompatibilityLevel levelOf(String schemaName) {
        String value = levels.getProperty(schemaName, levels.getProperty("default", "BACKWARD")).trim();
        try {
            return CompatibilityLevel.valueOf(value);
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
