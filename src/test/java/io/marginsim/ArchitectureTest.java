package io.marginsim;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package layers of README's "Architecture" section, on the compiled main classes: each package may use only
 * itself and the packages of the layers below its own, so the package graph has no cycle and every dependency points
 * down. A new package must be given a layer here.
 */
class ArchitectureTest {
    private static final String ROOT = "io.marginsim";

    /** Bottom to top; packages of one layer do not use each other. */
    private static final List<List<String>> LAYERS = List.of(
            List.of("check", "rng"),                               // input checks and their error; Philox
            List.of("rules", "liquidation", "market"),             // venue rules, liquidation terms, market models
            List.of("model", "market.calibration"),                // the account; fits of the market models
            List.of("spec"),                                       // the validated input and its readers
            List.of("problem"),                                    // the resolved problem every engine reads
            List.of("stats"),                                      // the path statistics every engine returns
            List.of("engine"),                                     // the engine contract and the scalar reference math
            List.of("engine.scalar", "engine.vector", "engine.opencl"),
            List.of("result"),                                     // reports from path statistics
            List.of("result.plot"),
            List.of("simulation"),                                 // choosing an engine, simulating a spec
            List.of("analysis"),                                   // buffers, sweeps, backtests
            List.of("cli"));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void everyPackageHasALayer() {
        Set<String> layered = LAYERS.stream().flatMap(List::stream).map(p -> ROOT + "." + p).collect(Collectors.toSet());
        Set<String> packages = CLASSES.stream().map(JavaClass::getPackageName).filter(p -> !p.equals(ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).isNotEmpty().isSubsetOf(layered);
        assertThat(layered).as("layers name only packages that exist").isSubsetOf(packages);
    }

    @Test
    void packagesUseOnlyTheLayersBelowTheirOwn() {
        for (Map.Entry<String, List<String>> allowed : allowedPackages().entrySet()) {
            String pkg = allowed.getKey();
            List<String> forbidden = allPackages().stream()
                    .filter(p -> !p.equals(pkg) && !allowed.getValue().contains(p)).map(p -> ROOT + "." + p).toList();
            ArchRule rule = noClasses().that().resideInAPackage(ROOT + "." + pkg)
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because(pkg + " sits in layer " + layerOf(pkg) + " and may use only the layers below it");
            rule.check(CLASSES);
        }
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /** Per package, the packages it may use besides itself: every package of every lower layer. */
    private static Map<String, List<String>> allowedPackages() {
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        List<String> below = new ArrayList<>();
        for (List<String> layer : LAYERS) {
            for (String pkg : layer) {
                allowed.put(pkg, List.copyOf(below));
            }
            below.addAll(layer);
        }
        return allowed;
    }

    private static List<String> allPackages() {
        return LAYERS.stream().flatMap(List::stream).toList();
    }

    private static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        throw new IllegalArgumentException(pkg);
    }
}
