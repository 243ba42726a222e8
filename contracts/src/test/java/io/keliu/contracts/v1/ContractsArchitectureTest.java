package io.keliu.contracts.v1;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Every service and the command line depend on the contracts: they must stay plain Java, with no dependencies. */
@AnalyzeClasses(packages = "io.keliu.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheJavaPlatform = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.keliu.contracts..");
}
