package dev.orderflow.runtime.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool of a stage service's database.
 *
 * <p>Every connection plans each statement for its actual parameters ({@code plan_cache_mode = force_custom_plan}).
 * The runtime's batch queries ({@code consumer = ? AND event_id = ANY (?)}, and the same shape on the state and
 * deferred-work tables) are prepared on the server after a few executions, and PostgreSQL then switches to a generic
 * plan. A generic plan made while the table is still empty (a fresh service) uses the primary key for
 * {@code consumer} only and filters the ids row by row: every batch reads every row the consumer ever recorded, so
 * the dedupe query grows with the table until autovacuum analyzes it and the plan is made again. Planning a batch
 * query costs a fraction of a millisecond; reading a growing table costs tens.
 */
public final class StageDataSources {

    /** Run on every new connection; see the class comment. */
    static final String CONNECTION_INIT_SQL = "SET plan_cache_mode = force_custom_plan";
    /**
     * A database that does not answer is a failed batch, retried with backoff: waiting Hikari's default 30 s for a
     * connection would only stall the loop (and its shutdown).
     */
    private static final long CONNECTION_TIMEOUT_MS = 5_000;

    private StageDataSources() {
    }

    public static HikariDataSource open(String poolName, String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(poolName);
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(poolSize);
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        pool.setConnectionInitSql(CONNECTION_INIT_SQL);
        return new HikariDataSource(pool);
    }
}
