/**
 * Micrometer meters for the SDK's calls: {@link net.cdapkit.micrometer.MicrometerEventListener}.
 * Every tag value is one of a small fixed set; none carries personal data.
 */
package net.cdapkit.micrometer;
