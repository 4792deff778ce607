package io.marginsim.cli;

import io.marginsim.analysis.Sweep;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CellProgressTest {
    /** A line as long as the terminal is wide wraps on many terminals, and a cut one loses the rate at its end. */
    @Test
    void theTerminalBarFitsInsideAnEightyColumnTerminal() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        PrintStream systemErr = System.err;
        System.setErr(stream);
        try {
            Sweep.Listener bar = CellProgress.create(true, stream);
            bar.started(100_000, 40_000);
            for (int i = 0; i < 3; i++) {
                bar.cellDone(null, 1.234e9);
            }
            ((AutoCloseable) bar).close();
        } finally {
            System.setErr(systemErr);
        }
        List<String> lines = Arrays.stream(buffer.toString(StandardCharsets.UTF_8).split("[\r\n]+"))
                .filter(line -> line.startsWith("sweep")).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(79);
            assertThat(line).endsWith(" path-steps/s");
        });
    }
}
