package dev.orderflow.dlq.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacerTest {

    @Test
    void spacesSendsEvenly() {
        Pacer pacer = Pacer.perSecond(4);
        assertThat(pacer.claim(0)).isZero();
        assertThat(pacer.claim(0)).isEqualTo(250_000_000L);
        assertThat(pacer.claim(100_000_000L)).isEqualTo(400_000_000L);
        // After a pause no burst is owed: the next slot starts from now.
        assertThat(pacer.claim(5_000_000_000L)).isZero();
    }

    @Test
    void unlimitedNeverWaits() {
        Pacer pacer = Pacer.perSecond(0);
        assertThat(pacer.claim(0)).isZero();
        assertThat(pacer.claim(0)).isZero();
    }
}
