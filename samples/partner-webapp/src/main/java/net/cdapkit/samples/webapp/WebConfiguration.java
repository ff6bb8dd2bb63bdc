package net.cdapkit.samples.webapp;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every page but the login page needs an agent logged in to CDAP. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {
  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new AgentSessionInterceptor())
        .addPathPatterns("/", "/consulter/**", "/dossiers/**", "/aide/**");
  }
}
