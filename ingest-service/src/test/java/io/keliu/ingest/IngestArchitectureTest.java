package io.keliu.ingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Packages by feature, with the shared mechanisms underneath: records (reading raw fields) and store (COPY and
 * upsert) know nothing of Spring, Kafka or any feature; features never reach into one another.
 */
@AnalyzeClasses(packages = "io.keliu.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class IngestArchitectureTest {

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.keliu.ingest.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule mechanismsAreFrameworkFree = noClasses()
            .that().resideInAnyPackage("io.keliu.ingest.records..", "io.keliu.ingest.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule kindsDoNotKnowEachOther = slices()
            .matching("io.keliu.ingest.(orders|profiles|logs|feedback)..").should().notDependOnEachOther();
}
