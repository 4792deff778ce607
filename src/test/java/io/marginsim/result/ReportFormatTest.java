package io.marginsim.result;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A statistic that does not exist is never printed as NaN: {@code n/a} in tables, {@code null} in JSON. */
class ReportFormatTest {
    @Test
    void jsonWritesNonFiniteNumbersAsNull() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("boxed", Double.NaN);
        doc.put("array", new double[] {1.5, Double.NaN, Double.POSITIVE_INFINITY});
        doc.put("map", Map.of("0.5", Double.NaN));
        doc.put("finite", 2.25);
        String json = ReportFormat.json(doc).replaceAll("\\s+", "");
        assertThat(json).isEqualTo("{\"boxed\":null,\"array\":[1.5,null,null],\"map\":{\"0.5\":null},\"finite\":2.25}");
    }

    @Test
    void jsonWritesANaNRecordComponentAsNull() {
        record Root(String scope, double below, double above) {
        }
        assertThat(ReportFormat.json(new Root("account", 17.5, Double.NaN)).replaceAll("\\s+", ""))
                .isEqualTo("{\"scope\":\"account\",\"below\":17.5,\"above\":null}");
    }

    @Test
    void tablesPrintNotAvailableForNaN() {
        assertThat(ReportFormat.num(Double.NaN)).isEqualTo("n/a");
        assertThat(ReportFormat.pct(Double.NaN)).isEqualTo("n/a");
        assertThat(ReportFormat.num(6000.000000000022)).isEqualTo("6,000.00");
    }

    @Test
    void tablesPrintNotAvailableForInfiniteFractions() {
        assertThat(ReportFormat.pct(Double.POSITIVE_INFINITY)).isEqualTo("n/a");
        assertThat(ReportFormat.pct(0.125)).isEqualTo("12.500%");
    }
}
