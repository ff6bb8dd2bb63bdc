/**
 * Spring Boot auto-configuration for cdapkit: a {@code CdapClient} and an audit journal from the
 * {@code cdap.*} properties, metrics and traces when Micrometer or OpenTelemetry is present, and an
 * Actuator health indicator.
 */
package net.cdapkit.spring.boot;
