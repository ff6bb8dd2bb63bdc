/**
 * The JSON layer: one shared, fully configured Moshi ({@link net.cdapkit.internal.json.CdapJson}),
 * the adapters for amounts, dates and identifiers, tolerant enums, a reflective adapter for the
 * Immutables value types, and the wire records of the authentication and request payloads.
 * <strong>Not API</strong>.
 *
 * <p>Every error raised here is a {@link com.squareup.moshi.JsonDataException} whose message names
 * the type, the field and the JSON path, never the offending value: a response body may hold
 * personal data, and messages end up in logs.
 */
package net.cdapkit.internal.json;
