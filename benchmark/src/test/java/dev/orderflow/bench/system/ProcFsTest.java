package dev.orderflow.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcFsTest {

    @Test
    void readsCpuTicksAndParentPastANameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 4200 4242 4200 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 1000 "
                + "123456 789 18446744073709551615";

        assertThat(ProcFs.cpuTicksOf(stat)).isEqualTo(300);
        assertThat(ProcFs.fieldsAfterName(stat)[1]).isEqualTo("4200");
    }

    @Test
    void readsKilobyteFields() {
        String status = "Name:\tjava\nVmPeak:\t  900 kB\nVmRSS:\t  51234 kB\n";
        String rollup = "55d0-7ffd ---p 00000000 00:00 0   [rollup]\nRss:   20000 kB\nPss:   12345 kB\n";

        assertThat(ProcFs.kbField(status, "VmRSS:")).hasValue(51234);
        assertThat(ProcFs.kbField(rollup, "Pss:")).hasValue(12345);
        assertThat(ProcFs.kbField(status, "Pss:")).isEmpty();
    }
}
