package org.openhotline;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of ARCHITECTURE.md hold; the module diagrams in docs/modules are regenerated. */
class ModularityTest {

    /** The telephony engine shares the root package but is a plain library (ARCHITECTURE.md), not a module. */
    private final ApplicationModules modules = ApplicationModules.of(HotlineApplication.class,
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.openhotline.telephony.."));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
