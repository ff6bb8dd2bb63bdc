package net.cdapkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * Keeps the public surface honest: nothing from {@code net.cdapkit.internal} appears in a public
 * signature, generated {@code Immutable*} classes stay hidden, and the SDK has no global mutable
 * state.
 */
class PublicApiArchitectureTest {
  private static final JavaClasses SDK =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("net.cdapkit");

  private static boolean isInternal(JavaClass type) {
    return type.getPackageName().startsWith("net.cdapkit.internal");
  }

  private static boolean isPublicApi(JavaClass owner) {
    return owner.getModifiers().contains(JavaModifier.PUBLIC) && !isInternal(owner);
  }

  @Test
  void publicSignatures_mentionNoInternalType() {
    codeUnits()
        .that()
        .arePublic()
        .should(
            new ArchCondition<JavaCodeUnit>(
                "not mention internal types in a public API signature") {
              @Override
              public void check(JavaCodeUnit unit, ConditionEvents events) {
                if (!isPublicApi(unit.getOwner())) {
                  return;
                }
                for (JavaClass p : unit.getRawParameterTypes()) {
                  if (isInternal(p)) {
                    events.add(
                        SimpleConditionEvent.violated(
                            unit, unit.getFullName() + " takes " + p.getName()));
                  }
                }
                if (isInternal(unit.getRawReturnType())) {
                  events.add(
                      SimpleConditionEvent.violated(
                          unit,
                          unit.getFullName() + " returns " + unit.getRawReturnType().getName()));
                }
              }
            })
        .check(SDK);
  }

  @Test
  void publicFields_areConstantsOfPublicTypes() {
    fields()
        .that()
        .arePublic()
        .should(
            new ArchCondition<JavaField>("be static final and not of an internal type") {
              @Override
              public void check(JavaField field, ConditionEvents events) {
                if (!isPublicApi(field.getOwner())) {
                  return;
                }
                boolean constant =
                    field.getModifiers().contains(JavaModifier.STATIC)
                        && field.getModifiers().contains(JavaModifier.FINAL);
                if (!constant || isInternal(field.getRawType())) {
                  events.add(SimpleConditionEvent.violated(field, field.getFullName()));
                }
              }
            })
        .check(SDK);
  }

  @Test
  void generatedImmutables_areNotPublic() {
    classes()
        .that()
        .haveSimpleNameStartingWith("Immutable")
        .and()
        .areTopLevelClasses()
        .should()
        .notBePublic()
        .check(SDK);
  }

  @Test
  void staticFields_areFinal() {
    fields()
        .that()
        .areStatic()
        .and()
        .areDeclaredInClassesThat()
        .haveSimpleNameNotStartingWith("Immutable")
        .should()
        .beFinal()
        .because("the SDK holds no global mutable state")
        .check(SDK);
  }

  @Test
  void valueAndErrorPackages_doNotDependOnTheHttpStack() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "net.cdapkit.model..", "net.cdapkit.capability..", "net.cdapkit.error..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("retrofit2..", "okhttp3..", "okio..")
        .because("value types and errors must not tie partners to the HTTP stack")
        .check(SDK);
  }
}
