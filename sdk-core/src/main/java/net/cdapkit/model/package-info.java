/**
 * Value types: identifiers that validate on construction, one type per tab, receipts and
 * attestations. Personal values mask themselves in {@code toString()}.
 */
package net.cdapkit.model;
