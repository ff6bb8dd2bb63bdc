/**
 * The JUnit 5 extension's machinery behind {@link net.cdapkit.testkit.CdapSimulatorExtension}: what
 * it keeps per test class and per test, the parameters it injects, its settings and the checks it
 * runs after each test.
 *
 * <p>Internal: public only for the kit's other packages; see {@link net.cdapkit.testkit.internal}.
 */
package net.cdapkit.testkit.internal.extension;
