/**
 * A test kit for software that consults CAF dossiers through the CDAP contract: a {@link
 * net.cdapkit.testkit.CdapSimulator} that plays the contract over HTTP with fictional dossiers (the
 * {@link net.cdapkit.testkit.Catalogue}), and a JUnit 5 {@link
 * net.cdapkit.testkit.CdapSimulatorExtension}.
 *
 * <p>The simulator writes its JSON on its own, from the contract, and shares no code with the SDK's
 * JSON layer: a client that passes against it agrees with the contract, not merely with itself. All
 * data is fictional and made to look so; see {@link net.cdapkit.testkit.Catalogue}.
 */
package net.cdapkit.testkit;
