package io.marginsim.cli;

import io.marginsim.result.OutputFile;

import java.io.IOException;
import java.nio.file.Path;

/** Where a command's text answer goes: standard output, or a file written atomically when {@code --out} is given. */
final class TextOutput {
    private TextOutput() {
    }

    static void emit(Path out, String text) throws IOException {
        if (out == null) {
            System.out.print(text);
        } else {
            OutputFile.write(out, text);
            System.err.println("wrote " + out);
        }
    }
}
