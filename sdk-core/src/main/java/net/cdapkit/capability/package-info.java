/**
 * Profiles and habilitations: what a session may see and do, checked by the client before any
 * request, and introspectable so that a partner's UI hides what the agent may not use.
 */
package net.cdapkit.capability;
