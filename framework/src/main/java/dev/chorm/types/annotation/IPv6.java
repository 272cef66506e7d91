package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store the field as ClickHouse {@code IPv6}; the field must be an Inet6Address, an InetAddress or a String.
 *
 * <p>An {@code Inet6Address} or {@code String} field reads IPv4-mapped addresses back in IPv6 form
 * ({@code ::ffff:1.2.3.4}); use {@link GenericIP} to get them as IPv4.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface IPv6 {
}
