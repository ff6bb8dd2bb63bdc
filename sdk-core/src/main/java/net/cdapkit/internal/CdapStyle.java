package net.cdapkit.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style shared by every value type of the SDK. Not API.
 *
 * <p>Generated {@code Immutable*} classes stay package-private; each value type exposes {@code
 * builder()} and a nested {@code Builder} so that no generated name appears in a public signature.
 * Redacted attributes print as {@code ****}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "****",
    defaults = @Value.Immutable(copy = false))
public @interface CdapStyle {}
