package dev.orderflow.shipping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** STYLE.md principle 1, checked by the build: the domain knows no infrastructure, the application no adapter. */
@AnalyzeClasses(packages = "dev.orderflow.shipping", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule DOMAIN_IS_PLAIN = noClasses().that().resideInAPackage("..shipping.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..",
                    "dev.orderflow.events..", "java.sql..", "java.net.http..", "com.fasterxml.jackson..",
                    "dev.orderflow.runtime..");

    @ArchTest
    static final ArchRule APPLICATION_USES_PORTS_NOT_ADAPTERS = noClasses().that()
            .resideInAPackage("..shipping.application..").should().dependOnClassesThat()
            .resideInAnyPackage("..shipping.adapter..", "java.net.http..", "java.sql..");
}
