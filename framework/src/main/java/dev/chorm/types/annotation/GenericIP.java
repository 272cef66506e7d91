package dev.chorm.types.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Store an IPv4 or IPv6 address as ClickHouse {@code IPv6} and read IPv4-mapped addresses back as IPv4.
 *
 * <p>Like the reference backend's {@code GenericIPAddressField(unpack_ipv4=True)}: writing
 * {@code 1.2.3.4} stores {@code ::ffff:1.2.3.4}, and reading gives an {@code Inet4Address} (or the
 * string {@code 1.2.3.4} for a String field). An {@code InetAddress} field behaves this way without
 * the annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface GenericIP {
}
