/**
 * Events of the SDK's calls, for metrics, traces and monitoring: {@link
 * net.cdapkit.event.CdapEventListener} and what it is told. No event carries personal data.
 */
package net.cdapkit.event;
