package net.cdapkit.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing {@code cdap.base-url} into Spring Boot's "Application failed to start" report:
 * what is missing and how to give it, instead of a bean-creation stack trace.
 */
final class MissingBaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<MissingBaseUrlException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingBaseUrlException cause) {
    return new FailureAnalysis(
        "The CDAP client has no server to talk to: the property cdap.base-url is not set.",
        "Set cdap.base-url to the server's base URL, ending in /api/v1/ (for example in"
            + " application.properties, or as the environment variable CDAP_BASE_URL), or define"
            + " your own CdapClient bean.",
        cause);
  }
}
