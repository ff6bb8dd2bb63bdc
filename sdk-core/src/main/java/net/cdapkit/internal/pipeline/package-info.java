/**
 * The call pipeline's per-call state and event emission. Not API: an ArchUnit test keeps it out of
 * public signatures.
 */
package net.cdapkit.internal.pipeline;
