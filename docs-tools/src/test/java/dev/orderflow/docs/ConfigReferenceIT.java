package dev.orderflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed reference must be what the code renders now; the failure says how to regenerate it. */
class ConfigReferenceIT {

    @Test
    void committedReferenceMatchesTheCode() throws Exception {
        Path file = Path.of(System.getProperty("orderflow.root", ".."), "docs", "configuration.md");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ConfigReference.run(new String[] {"--check", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as("%s is stale: run %s and commit the result (%s)", file,
                ConfigReference.REGENERATE_COMMAND, err.toString(StandardCharsets.UTF_8).trim()).isZero();
    }
}
