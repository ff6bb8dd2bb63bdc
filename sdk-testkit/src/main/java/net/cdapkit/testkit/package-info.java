/**
 * A test kit for software that consults CAF dossiers through the CDAP contract: a {@link
 * net.cdapkit.testkit.CdapSimulator} that plays the contract over HTTP with fictional dossiers, and
 * what a partner team needs to test its application against it.
 *
 * <ul>
 *   <li>{@link net.cdapkit.testkit.CdapSimulatorExtension} and {@link
 *       net.cdapkit.testkit.CdapSimulatorTest}: JUnit 5, a ready client and session per test, and
 *       each test checked afterwards;
 *   <li>{@link net.cdapkit.testkit.Catalogue} and {@link net.cdapkit.testkit.Fixtures}: the
 *       standard dossiers, a builder for your own, a generator for load tests;
 *   <li>{@link net.cdapkit.testkit.Faults} and {@link net.cdapkit.testkit.Fault}: delays, broken
 *       connections, error statuses, malformed and forward-compatible answers;
 *   <li>{@link net.cdapkit.testkit.Verification}: what the client sent, how often, with which
 *       headers, and no secret in a URL;
 *   <li>{@link net.cdapkit.testkit.Conformance}: every exchange checked against {@code
 *       openapi.yaml};
 *   <li>{@link net.cdapkit.testkit.Compliance}: no personal data in logs, messages or {@code
 *       toString};
 *   <li>{@link net.cdapkit.testkit.TestClock}: expire a session on purpose.
 * </ul>
 *
 * <p>The simulator writes its JSON on its own, from the contract, and shares no code with the SDK's
 * JSON layer: a client that passes against it agrees with the contract, not merely with itself. Its
 * behaviour is plain Java; WireMock serves it through one bridge class. All data is fictional and
 * made to look so; see {@link net.cdapkit.testkit.Catalogue}.
 *
 * <p>This package holds everything a partner touches. The parts behind it live in {@code
 * net.cdapkit.testkit.internal.server} (the simulated server and its state), {@code
 * .internal.contract} (the contract and its checks), {@code .internal.fixtures} (the standard
 * catalogue), {@code .internal.faults} and {@code .internal.privacy}: public only so the packages
 * reach one another, and not an API.
 */
package net.cdapkit.testkit;
