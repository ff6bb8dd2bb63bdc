/**
 * The simulated CDAP server: the WireMock server it runs on, request handling, session and dossier
 * state, the tabs' JSON, attestation PDFs and the request journal.
 *
 * <p>Internal: public only for the kit's other packages; see {@link net.cdapkit.testkit.internal}.
 */
package net.cdapkit.testkit.internal.server;
