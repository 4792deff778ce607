package io.marginsim.problem;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users tell features apart by their labels alone, so each is worded once and differently. */
class FeatureTest {

    @Test
    void everyLabelIsNonBlankAndUnique() {
        List<String> labels = Feature.labels(EnumSet.allOf(Feature.class));
        assertThat(labels).allSatisfy(label -> assertThat(label).isNotBlank().isEqualTo(label.strip()));
        assertThat(labels).doesNotHaveDuplicates().hasSize(Feature.values().length);
    }

    @Test
    void aFeaturePrintsAsItsLabel() {
        assertThat(Feature.GARCH.label()).isEqualTo("GARCH volatility");
        assertThat(Feature.GARCH).hasToString("GARCH volatility");
        assertThat(EnumSet.of(Feature.FUNDING, Feature.BORROW)).hasToString("[funding, borrow interest]");
    }

    @Test
    void theKindsPartitionTheFeatures() {
        EnumSet<Feature> union = EnumSet.noneOf(Feature.class);
        for (Feature.Kind kind : Feature.Kind.values()) {
            EnumSet<Feature> ofKind = Feature.ofKind(kind);
            assertThat(ofKind).isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(kind));
            assertThat(union).doesNotContainAnyElementsOf(ofKind);
            union.addAll(ofKind);
        }
        assertThat(union).containsExactlyElementsOf(Arrays.asList(Feature.values()));
    }

    @Test
    void anEngineSetIsTheUnionAndCannotBeChanged() {
        var set = Feature.setOf(EnumSet.of(Feature.GARCH), Feature.ofKind(Feature.Kind.MONITORING));
        assertThat(set).containsExactly(Feature.GARCH, Feature.CONTINUOUS_MONITORING);
        assertThatThrownBy(() -> set.add(Feature.DCC))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
