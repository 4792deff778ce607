package io.marginsim.spark;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SparkProgressTest {
    @Test
    void theRedrawnLineFitsAnEightyColumnTerminal() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        SparkProgress progress = new SparkProgress(true, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        progress.started(1_000_000_000L, 999_999_999L);
        progress.cellDone(null, 1.234e12);
        progress.finish();
        String[] redrawn = buffer.toString(StandardCharsets.UTF_8).split("\r");
        String last = redrawn[redrawn.length - 1].replace("\u001b[K", "").strip();
        assertThat(last).startsWith("sweep: ").contains("1000000000/1000000000", "path-steps/s");
        assertThat(last.length()).isLessThanOrEqualTo(SparkProgress.TERMINAL_COLUMNS);
    }
}
