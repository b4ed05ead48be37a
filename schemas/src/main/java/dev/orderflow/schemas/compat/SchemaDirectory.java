package dev.orderflow.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Reads a directory laid out like {@code src/main/avro}: shared records in {@code common/}, parsed first so the
 * events in {@code events/} can name them. Returns the events by full name.
 */
public final class SchemaDirectory {

    private SchemaDirectory() {
    }

    public static Map<String, Schema> readEvents(Path root) {
        Schema.Parser parser = parserWithCommonTypes(root);
        Map<String, Schema> events = new TreeMap<>();
        for (Path file : avscFiles(root.resolve("events"))) {
            Schema schema = parse(parser, file);
            events.put(schema.getFullName(), schema);
        }
        return events;
    }

    /** A parser that already knows the shared records of {@code root/common}, so event schemas can name them. */
    static Schema.Parser parserWithCommonTypes(Path root) {
        Schema.Parser parser = new Schema.Parser();
        avscFiles(root.resolve("common")).forEach(file -> parse(parser, file));
        return parser;
    }

    private static Schema parse(Schema.Parser parser, Path file) {
        try {
            return parser.parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (SchemaParseException e) {
            throw new IllegalArgumentException("invalid schema " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> avscFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("schema directory " + dir + " does not exist");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
