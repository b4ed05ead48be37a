package dev.orderflow.dlq;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The build checks the layering: the domain (filters, statuses, replay planning) knows no infrastructure. */
class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.orderflow.dlq");

    @Test
    void theDomainHasNoKafkaJsonOrCommandLineImports() {
        noClasses().that().resideInAPackage("dev.orderflow.dlq.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "com.fasterxml..",
                        "picocli..", "io.apicurio..", "org.apache.avro..", "java.net.http..",
                        "dev.orderflow.dlq.kafka..", "dev.orderflow.dlq.cli..", "dev.orderflow.dlq.format..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideInAnyPackage("dev.orderflow.dlq.domain..", "dev.orderflow.dlq.kafka..",
                        "dev.orderflow.dlq.format..", "dev.orderflow.dlq.config..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(classes);
    }
}
