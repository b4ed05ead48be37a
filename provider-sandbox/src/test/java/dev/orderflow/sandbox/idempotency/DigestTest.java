package dev.orderflow.sandbox.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestTest {

    @Test
    void theSameTextHasTheSameDigest() {
        assertThat(Digest.of("ShipmentRequest[orderId=o-1, country=DE]"))
                .isEqualTo(Digest.of("ShipmentRequest[orderId=o-1, country=DE]"))
                .hasSameHashCodeAs(Digest.of("ShipmentRequest[orderId=o-1, country=DE]"));
    }

    @Test
    void textsThatDifferInOneCharacterHaveDifferentDigests() {
        assertThat(Digest.of("ShipmentRequest[orderId=o-1, country=DE]"))
                .isNotEqualTo(Digest.of("ShipmentRequest[orderId=o-2, country=DE]"));
        assertThat(Digest.of("straße")).isNotEqualTo(Digest.of("strasse"));
    }

    @Test
    void itIsTheLeadingHalfOfTheTextsSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223 b00361a396177a9cb410ff61f20015ad (FIPS 180-2, B.1)
        assertThat(Digest.of("abc")).isEqualTo(new Digest(0xba7816bf8f01cfeaL, 0x414140de5dae2223L));
    }
}
