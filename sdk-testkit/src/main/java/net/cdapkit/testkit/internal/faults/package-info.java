/**
 * What a fault rule does to an answer once it fires: rewrites and connection-level breaks.
 *
 * <p>Internal: public only for the kit's other packages; see {@link net.cdapkit.testkit.internal}.
 */
package net.cdapkit.testkit.internal.faults;
