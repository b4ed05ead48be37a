package dev.orderflow.bench.relay;

import dev.orderflow.infra.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code ProducerPerformance} in a child JVM, with the relay's producer settings (acks=all,
 * idempotent, same linger and batch size): what one producer can push to this broker on this machine.
 */
final class ProducerPerformanceRun {

    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, "
                    + "([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    record Result(long records, double recordsPerSecond, double megabytesPerSecond, String summary) {
    }

    private ProducerPerformanceRun() {
    }

    static Result run(String bootstrap, String topic, int records, int recordSize, Path workDir)
            throws IOException, InterruptedException {
        Path log = workDir.resolve("producer-performance.log");
        List<String> command = List.of(ChildProcess.currentJava(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
                "linger.ms=5", "batch.size=262144");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(Duration.ofMinutes(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance did not finish within 5 minutes; see " + log);
        }
        String output = Files.readString(log);
        Matcher last = null;
        Matcher m = SUMMARY.matcher(output);
        while (m.find()) {
            last = SUMMARY.matcher(m.group());
            last.matches();
        }
        if (process.exitValue() != 0 || last == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue() + "); see "
                    + log);
        }
        return new Result(Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)),
                Double.parseDouble(last.group(3)), last.group());
    }
}
