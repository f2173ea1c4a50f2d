package fr.essor.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's shape, checked on the compiled classes of every module (docs/ARCHITECTURE.md):
 * {@code web → service → model} and {@code demo → service → model}, nothing pointing back, and no
 * two packages of a module that import each other.
 */
class ArchitectureTest {

    private static JavaClasses essor;

    @BeforeAll
    static void importTheClasses() {
        essor = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.essor");
    }

    @Test
    void theModelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("fr.essor.model..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.essor.service..", "fr.essor.web..", "fr.essor.demo..")
                .check(essor);
    }

    @Test
    void theServicesDependOnNeitherThePagesNorTheDemo() {
        noClasses().that().resideInAPackage("fr.essor.service..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.essor.web..", "fr.essor.demo..")
                .check(essor);
    }

    @Test
    void theProductDoesNotDependOnTheDemo() {
        noClasses().that().resideInAPackage("fr.essor.web..")
                .should().dependOnClassesThat().resideInAPackage("fr.essor.demo..")
                .check(essor);
    }

    @Test
    void noTwoPackagesOfTheServicesImportEachOther() {
        slices().matching("fr.essor.service.(*)..").should().beFreeOfCycles().check(essor);
    }

    @Test
    void noTwoPackagesOfTheWebImportEachOther() {
        slices().matching("fr.essor.web.(*)..").should().beFreeOfCycles().check(essor);
    }

    @Test
    void noTwoPackagesOfTheModelImportEachOther() {
        slices().matching("fr.essor.model.(*)..").should().beFreeOfCycles().check(essor);
    }
}
