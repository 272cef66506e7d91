package dev.chorm.query.expr;

import dev.chorm.model.ModelField;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import dev.chorm.types.annotation.GenericIP;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Follow a lookup path on the Java side: the field, then the record component, list element or map
 * value each transform reaches, so that a lookup knows how the user reads the value it compares.
 * Today that decides one thing: a generic IP ({@code @GenericIP} or {@code InetAddress}) reads an
 * IPv4-mapped address as {@code 3.4.5.6}, so text lookups compare that text, not {@code ::ffff:3.4.5.6}.
 *
 * @param type the Java type reached
 * @param element the field or record component declaring it, or null for a list element or map value
 */
public record JavaView(AnnotatedType type, AnnotatedElement element) {
    private static final Pattern INDEX = Pattern.compile("\\d+");

    /** Return the view of {@code field}. */
    static JavaView of(ModelField field) {
        return new JavaView(field.annotatedType(), field.element());
    }

    /** Return the view after the transform {@code part} on a value of {@code chType}, or null when it cannot be followed. */
    JavaView step(DataType chType, String part) {
        DataType base = chType == null ? null : chType.base();
        if (base == null) {
            return null;
        }
        Class<?> raw = rawClass();
        if (base.kind() == TypeKind.TUPLE && raw != null && raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            int i = INDEX.matcher(part).matches() ? Integer.parseInt(part) : base.names().indexOf(part);
            return i >= 0 && i < components.length ? new JavaView(components[i].getAnnotatedType(), components[i]) : null;
        }
        boolean element = base.kind() == TypeKind.ARRAY && (INDEX.matcher(part).matches());
        if (element && type instanceof AnnotatedArrayType a) {
            return new JavaView(a.getAnnotatedGenericComponentType(), null);
        }
        boolean mapValue = base.kind() == TypeKind.MAP && !List.of("len", "keys", "values").contains(part);
        if (type instanceof AnnotatedParameterizedType p && (element || mapValue)) {
            AnnotatedType[] args = p.getAnnotatedActualTypeArguments();
            return new JavaView(args[args.length - 1], null);
        }
        return null;
    }

    /** Return whether the user reads this value as a generic IP, IPv4-mapped addresses unpacked. */
    boolean isGenericIp() {
        return rawClass() == InetAddress.class || type.getAnnotation(GenericIP.class) != null
                || element != null && element.getAnnotation(GenericIP.class) != null;
    }

    private Class<?> rawClass() {
        java.lang.reflect.Type t = type.getType();
        return t instanceof Class<?> c ? c : t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
    }

    /**
     * Stand for a generic IP operand: it renders as the operand, but text lookups compare the text the
     * user reads ({@link #text}).
     */
    record GenericIpOperand(Expression operand) implements Expression {
        @Override
        public void accept(RenderContext ctx) {
            ctx.visit(operand);
        }

        @Override
        public DataType type(RenderContext ctx) {
            return operand.type(ctx);
        }

        /** Return the address as the user reads it: IPv4-mapped addresses as dotted IPv4. */
        Expression text() {
            Expression ipv6Text = new FunctionCall("toString", List.of(operand), DataType.string(), false);
            return new FunctionCall("replaceRegexpOne", List.of(ipv6Text, "^::ffff:([0-9.]+)$", "\\1"), DataType.string(),
                    false);
        }
    }
}
