/**
 * The SDK's exceptions. {@link net.cdapkit.error.CdapException} is the root; catch a subclass when
 * the reaction differs (re-authenticate, hide a tab, tell the agent the dossier does not exist,
 * slow down, retry later). Messages never carry personal data.
 */
package net.cdapkit.error;
