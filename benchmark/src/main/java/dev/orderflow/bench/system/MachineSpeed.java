package dev.orderflow.bench.system;

import dev.orderflow.infra.postgres.PostgresServer.ConnectionInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How fast this machine was just before a run, on two fixed workloads, so that runs made at different times can be
 * compared. The same command on the same 2-core machine has given a p99 of 1.4 s and of 0.8 s a few hours apart,
 * and the naive baseline's throughput 750 and 1,400 orders/s: a virtual machine's cores and disk are only as fast
 * as its host lets them be, and nothing else on the guest shows it. The figures say nothing about the platform;
 * two runs are comparable when these are close.
 *
 * @param sortedMillionsPerSecond  million {@code int}s sorted per second on one thread ({@code Arrays.sort} of the
 *                                 same million pseudo-random values, again and again): the speed of one core
 * @param postgresCommitsPerSecond single-row inserts, each its own transaction, on one connection: what the disk
 *                                 and PostgreSQL's WAL flush allow a caller that commits one event at a time
 */
public record MachineSpeed(double sortedMillionsPerSecond, double postgresCommitsPerSecond) {

    private static final Duration WARM_UP = Duration.ofMillis(500);
    private static final Duration MEASURED = Duration.ofSeconds(2);

    /** Measures both, in about five seconds, on a database of its own. */
    static MachineSpeed measure(ConnectionInfo database) throws SQLException {
        return new MachineSpeed(measureSorting(), measureCommits(database));
    }

    private static double measureSorting() {
        int[] values = new SplittableRandom(42).ints(1 << 20).toArray();
        sortFor(values, WARM_UP);
        long start = System.nanoTime();
        long sorted = sortFor(values, MEASURED);
        return sorted / 1e6 / ((System.nanoTime() - start) / 1e9);
    }

    private static long sortFor(int[] values, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long sorted = 0;
        while (System.nanoTime() < deadline) {
            int[] copy = values.clone();
            Arrays.sort(copy);
            sorted += copy.length;
        }
        return sorted;
    }

    private static double measureCommits(ConnectionInfo database) throws SQLException {
        try (Connection connection = database.connect()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS commit_probe (id bigint)");
            }
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO commit_probe VALUES (?)")) {
                commitFor(insert, WARM_UP);
                long start = System.nanoTime();
                long commits = commitFor(insert, MEASURED);
                return commits / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static long commitFor(PreparedStatement insert, Duration duration) throws SQLException {
        long deadline = System.nanoTime() + duration.toNanos();
        long commits = 0;
        while (System.nanoTime() < deadline) {
            insert.setLong(1, commits);
            insert.executeUpdate();
            commits++;
        }
        return commits;
    }
}
