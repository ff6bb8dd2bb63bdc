package net.cdapkit.samples.webapp;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Spring Security for what it does well here: CSRF tokens on every form and the security headers on
 * every response. Who may see a page is decided by the agent's CDAP session ({@link
 * AgentSessionInterceptor}), not by a local user store: CDAP authenticates the agents.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  /** Only our own resources; no inline script or style; not framable; forms post to us only. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // The synchronizer token pattern, token kept in the HTTP session: every POST carries it.
        .csrf(Customizer.withDefaults())
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .contentTypeOptions(Customizer.withDefaults())
                    // Cache-Control: no-cache, no-store, max-age=0, must-revalidate on every
                    // dynamic page: dossier data must not stay in a shared computer's cache.
                    .cacheControl(Customizer.withDefaults()))
        // Login and logout are CDAP's, handled by our controllers.
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }
}
