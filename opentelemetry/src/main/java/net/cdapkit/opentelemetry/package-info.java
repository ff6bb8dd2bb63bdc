/**
 * OpenTelemetry traces of the SDK's calls: {@link
 * net.cdapkit.opentelemetry.OpenTelemetryEventListener}. No attribute or span name carries personal
 * data or a URL path.
 */
package net.cdapkit.opentelemetry;
