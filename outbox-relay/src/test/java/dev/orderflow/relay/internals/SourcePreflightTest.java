package dev.orderflow.relay.internals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourcePreflightTest {

    @Test
    void theConfirmablePositionOfAStoredOffsetIsItsLastCommitElseItsLastProcessedChange() {
        assertThat(SourcePreflight.confirmablePosition("{\"transaction_id\":null,\"lsn_proc\":40158032,"
                + "\"messageType\":\"INSERT\",\"lsn_commit\":40157728,\"lsn\":40158032,\"txId\":772}"))
                .hasValue(40157728L);
        assertThat(SourcePreflight.confirmablePosition("{\"lsn_proc\":40158032,\"lsn\":40158032}"))
                .hasValue(40158032L);
        assertThat(SourcePreflight.confirmablePosition("{\"lsn\":40158032}")).isEmpty();
    }

    @Test
    void lsnsAreShownAsPostgresqlWritesThem() {
        assertThat(SourcePreflight.lsnText(0x2620A80L)).isEqualTo("0/2620A80");
        assertThat(SourcePreflight.lsnText(0x1_0000_00FFL)).isEqualTo("1/FF");
    }
}
