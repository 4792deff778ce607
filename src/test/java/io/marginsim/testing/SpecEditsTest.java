package io.marginsim.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecEditsTest {
    private static final String SPEC = "{\"paths\": 500, \"seed\": 7, \"engine\": \"scalar\", \"note\": \"scalar\"}";

    @Test
    void replacesTheOneOccurrence() {
        assertThat(SpecEdits.replace(SPEC, "\"paths\": 500", "\"paths\": 900"))
                .isEqualTo("{\"paths\": 900, \"seed\": 7, \"engine\": \"scalar\", \"note\": \"scalar\"}");
    }

    @Test
    void absentTextFails() {
        assertThatThrownBy(() -> SpecEdits.replace(SPEC, "\"paths\": 600", "\"paths\": 900"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("spec edit expects \"\"paths\": 600\" but the spec does not contain it");
        assertThatThrownBy(() -> SpecEdits.replaceAll(SPEC, "\"seed\": 8", "\"seed\": 9"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("does not contain it");
    }

    @Test
    void textFoundSeveralTimesFailsUnlessEveryOneIsMeant() {
        assertThatThrownBy(() -> SpecEdits.replace(SPEC, "\"scalar\"", "\"vector\""))
                .isInstanceOf(AssertionError.class)
                .hasMessage("spec edit expects \"\"scalar\"\" once but finds it 2 times; call replaceAll to edit every one");
        assertThat(SpecEdits.replaceAll(SPEC, "\"scalar\"", "\"vector\""))
                .isEqualTo("{\"paths\": 500, \"seed\": 7, \"engine\": \"vector\", \"note\": \"vector\"}");
    }

    @Test
    void occurrencesDoNotOverlap() {
        assertThat(SpecEdits.replace("aaa", "aa", "b")).isEqualTo("ba");
    }
}
