package net.cdapkit.samples.webapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * A partner's web application on the SDK: the pages an agent uses to consult a CAF dossier, as the
 * CAF partner guide describes them. Without {@code cdap.base-url} it runs on an embedded simulator
 * with synthetic data only.
 */
// Agents authenticate against CDAP itself, never against a local user store: without the
// exclusion Spring Security would create an in-memory user and print its generated password.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class PartnerWebApplication {

  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(PartnerWebApplication.class, args);
  }
}
