/**
 * Implementation details shared between the SDK's packages. <strong>Not API</strong>: anything here
 * may change or disappear in any release, and no public signature of the SDK mentions a type from
 * this package or its sub-packages.
 */
package net.cdapkit.internal;
