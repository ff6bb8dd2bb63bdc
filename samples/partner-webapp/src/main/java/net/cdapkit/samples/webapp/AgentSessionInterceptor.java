package net.cdapkit.samples.webapp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Sends a visitor without an open CDAP session to the login page, and hands the agent's session to
 * the controllers as a request attribute.
 */
final class AgentSessionInterceptor implements HandlerInterceptor {
  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    Optional<AgentSession> agent = AgentSession.of(request.getSession(false));
    if (agent.isPresent()) {
      request.setAttribute(AgentAdvice.AGENT, agent.get());
      return true;
    }
    response.sendRedirect(request.getContextPath() + "/connexion");
    return false;
  }
}
