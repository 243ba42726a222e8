package io.keliu.notify;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Packages by feature without cycles; the channels know nothing of alerts, subscriptions or the outbox (they send one
 * message), and the outbox nothing of how notifications came to be.
 */
@AnalyzeClasses(packages = "io.keliu.notify", importOptions = ImportOption.DoNotIncludeTests.class)
class NotifyArchitectureTest {

    @ArchTest
    static final ArchRule noCycles = slices().matching("io.keliu.notify.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule channelsOnlySend = noClasses().that().resideInAPackage("io.keliu.notify.channels..")
            .should().dependOnClassesThat().resideInAnyPackage("io.keliu.notify.subscriptions..",
                    "io.keliu.notify.delivery..", "io.keliu.notify.outbox..", "io.keliu.notify.alerts..",
                    "io.keliu.contracts..");

    @ArchTest
    static final ArchRule outboxKnowsNoOrigin = noClasses().that().resideInAPackage("io.keliu.notify.outbox..")
            .should().dependOnClassesThat().resideInAnyPackage("io.keliu.notify.subscriptions..",
                    "io.keliu.notify.delivery..", "io.keliu.notify.alerts..");
}
