package dev.orderflow.orderstream.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain stays free of infrastructure (STYLE.md, principle 1): the build checks it. */
class DomainLayeringTest {

    @Test
    void domainHasNoInfrastructureImports() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.orderflow.orderstream");
        noClasses().that().resideInAPackage("dev.orderflow.orderstream.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..",
                        "dev.orderflow.events..", "java.sql..", "javax.sql..", "com.sun.net.httpserver..",
                        "java.net.http..", "com.fasterxml.jackson..", "io.micrometer..")
                .check(classes);
    }
}
