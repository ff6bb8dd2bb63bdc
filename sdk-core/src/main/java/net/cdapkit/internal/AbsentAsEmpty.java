package net.cdapkit.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a collection attribute of a value type that the contract lets the server omit: absent or
 * {@code null} on the wire decodes as empty. Not API.
 *
 * <p>Collections without it are required on the wire, as the contract marks every array but this
 * handful: a server that drops one is broken, and an empty list would hide that.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AbsentAsEmpty {}
