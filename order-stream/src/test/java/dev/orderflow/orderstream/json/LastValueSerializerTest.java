package dev.orderflow.orderstream.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastValueSerializerTest {

    private final List<Object> written = new ArrayList<>();
    private final LastValueSerializer<Object> serializer = new LastValueSerializer<>((topic, value) -> {
        written.add(value);
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    });

    @Test
    void theSameValueRightAfterIsWrittenOnceAndEachCallerGetsItsOwnBytes() {
        Object view = new StringBuilder("view-1");

        byte[] forTheStore = serializer.serialize("store-changelog", view);
        byte[] forTheTopic = serializer.serialize("order.state", view);

        assertThat(written).containsExactly(view);
        assertThat(forTheTopic).isEqualTo(forTheStore).isNotSameAs(forTheStore);
    }

    @Test
    void anEqualButDifferentValueIsWrittenAgainAndNullIsNeverKept() {
        serializer.serialize("t", "a");
        serializer.serialize("t", new String("a"));
        assertThat(serializer.serialize("t", null)).isEqualTo("null".getBytes(StandardCharsets.UTF_8));
        serializer.serialize("t", null);

        assertThat(written).hasSize(4);
    }

    @Test
    void anotherThreadDoesNotGetThisThreadsBytes() throws Exception {
        Object view = new StringBuilder("view-2");
        serializer.serialize("t", view);

        Thread other = new Thread(() -> serializer.serialize("t", view));
        other.start();
        other.join();

        assertThat(written).containsExactly(view, view);
    }
}
