/**
 * The OpenAPI contract read from {@code openapi.yaml}, and the checks that grade each exchange
 * against it with value-free messages.
 *
 * <p>Internal: public only for the kit's other packages; see {@link net.cdapkit.testkit.internal}.
 */
package net.cdapkit.testkit.internal.contract;
