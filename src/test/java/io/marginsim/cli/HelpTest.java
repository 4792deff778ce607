package io.marginsim.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What --help and README's command table say about the options. */
class HelpTest extends CommandTestSupport {
    @Test
    void sweepHelpNamesTheSparkOptions() {
        assertThat(run("sweep", "--help")).isZero();
        assertThat(stdout()).contains("--spark [MASTER]", "--conf KEY=VALUE", "--cells-per-task N",
                "--split-paths N");
    }

    /**
     * Every option of every command appears in that command's rows of README's table, the run options either by
     * name or through "[RUN OPTIONS]", which the paragraph below the table spells out.
     */
    @Test
    void readmeCommandTableListsEveryOption() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Commands");
        String section = readme.substring(start, readme.indexOf("\n### ", start));
        int paragraph = section.indexOf("RUN OPTIONS override");
        String runOptionsParagraph = paragraph < 0 ? "" : section.substring(paragraph);
        Set<String> runOptions = CommandSpec.forAnnotatedObject(new RunOverrides()).options().stream()
                .map(OptionSpec::longestName).collect(Collectors.toSet());
        assertThat(runOptionsParagraph).contains(runOptions);
        assertThat(section).contains("`--help` (`-h`)", "`--version` (`-V`)");
        for (Map.Entry<String, CommandLine> command : MarginSim.commandLine().getSubcommands().entrySet()) {
            if (command.getKey().equals("help")) {
                continue;
            }
            List<String> rows = section.lines().filter(l -> l.startsWith("| `margin-sim " + command.getKey() + " ")
                    || l.startsWith("| `margin-sim " + command.getKey() + "`")).toList();
            assertThat(rows).as(command.getKey()).isNotEmpty();
            String text = String.join("\n", rows);
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                String name = option.longestName();
                boolean viaRunOptions = runOptions.contains(name) && text.contains("[RUN OPTIONS]");
                boolean required = option.required() && text.contains(" " + name + " ");
                assertThat(viaRunOptions || required || text.contains("[" + name + " ") || text.contains("[" + name + "]"))
                        .as(command.getKey() + " " + name + " in README's command table").isTrue();
            }
        }
    }
}
