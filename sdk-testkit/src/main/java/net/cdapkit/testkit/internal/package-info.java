/**
 * The test kit's inner parts, public only so that its packages can reach one another: not an API,
 * not covered by compatibility, free to change in any release. Partners use {@link
 * net.cdapkit.testkit} alone.
 *
 * <ul>
 *   <li>{@code internal.server}: the simulated CDAP server — the WireMock server it runs on,
 *       request handling, session and dossier state, the tabs' JSON, attestation PDFs, the request
 *       journal;
 *   <li>{@code internal.extension}: the JUnit extension's machinery — what it keeps per test class
 *       and per test, the parameters it injects, its settings and its checks after each test;
 *   <li>{@code internal.contract}: the OpenAPI contract as read from {@code openapi.yaml} and the
 *       value-free conformance checks;
 *   <li>{@code internal.fixtures}: the fixture engine behind the {@code Fixtures} builder, and the
 *       standard catalogue described with that builder;
 *   <li>{@code internal.faults}: what a fault does to an answer once it fires;
 *   <li>{@code internal.privacy}: the personal-data scan behind {@link
 *       net.cdapkit.testkit.Compliance} and the extension's checks.
 * </ul>
 */
package net.cdapkit.testkit.internal;
