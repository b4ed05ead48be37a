package dev.orderflow.orderstream.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

    @ParameterizedTest
    @CsvSource({
            "40001, RETRY_TRANSACTION",
            "40P01, RETRY_TRANSACTION",
            "08001, UNAVAILABLE",
            "08006, UNAVAILABLE",
            "53300, UNAVAILABLE",
            "57P01, UNAVAILABLE",
            "57P03, UNAVAILABLE",
            "23505, INTERNAL",
            "42P01, INTERNAL",
            "57014, INTERNAL"})
    void classifiesBySqlState(String state, SqlFailures.Kind kind) {
        assertThat(SqlFailures.classify(new SQLException("x", state))).isEqualTo(kind);
    }

    @Test
    void aPoolThatFoundNoConnectionIsUnavailable() {
        // HikariCP: "Connection is not available, request timed out", caused by the driver's refusal.
        SQLException pool = new SQLTransientConnectionException("pool timed out", null,
                new SQLException("Connection refused", "08001"));

        assertThat(SqlFailures.classify(pool)).isEqualTo(SqlFailures.Kind.UNAVAILABLE);
        assertThat(SqlFailures.classify(new SQLTransientConnectionException("no state")))
                .isEqualTo(SqlFailures.Kind.UNAVAILABLE);
    }

    @Test
    void walksTheCauseChainAndTheNextExceptions() {
        SQLException batch = new SQLException("batch entry 0 failed", "XX000");
        batch.setNextException(new SQLException("deadlock detected", "40P01"));

        assertThat(SqlFailures.classify(new RuntimeException(new SQLException("wrapped", null,
                new SQLException("could not serialize", "40001"))))).isEqualTo(SqlFailures.Kind.RETRY_TRANSACTION);
        assertThat(SqlFailures.classify(batch)).isEqualTo(SqlFailures.Kind.RETRY_TRANSACTION);
    }

    @Test
    void withoutAnSqlStateItIsInternal() {
        assertThat(SqlFailures.classify(new SQLException("odd"))).isEqualTo(SqlFailures.Kind.INTERNAL);
        assertThat(SqlFailures.classify(new IllegalStateException("bug"))).isEqualTo(SqlFailures.Kind.INTERNAL);
    }
}
