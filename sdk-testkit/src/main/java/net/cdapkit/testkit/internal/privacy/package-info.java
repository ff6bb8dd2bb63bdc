/**
 * The personal-data scan: what counts as a leak in logs, messages, URLs and the journal.
 *
 * <p>Internal: public only for the kit's other packages; see {@link net.cdapkit.testkit.internal}.
 */
package net.cdapkit.testkit.internal.privacy;
