package dev.chorm.query.internal;

import dev.chorm.model.ModelField;
import dev.chorm.query.expr.Expression;
import dev.chorm.sql.Keyword;
import dev.chorm.sql.RenderContext;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * Select the columns the driver cannot read back exactly in a form it can, and undo that form in Java.
 *
 * <ul>
 * <li>A {@code byte[]} field on a String or FixedString column: the driver decodes every String as
 *     UTF-8, replacing the bytes 0x80..0xFF that do not form UTF-8 by U+FFFD, so the column is read as
 *     {@code hex(column)} and decoded here.</li>
 * <li>An Array of IPv6: the driver builds the Java array from the class of its first element and fails
 *     when an IPv4-mapped address ({@code Inet4Address}) is followed by a native IPv6 one, so the column is
 *     read as {@code CAST(column AS Array(String))}; the field's reader parses the texts.</li>
 * <li>A Time or Time64 anywhere in the type: the driver returns {@code java.sql.Time}, which wraps
 *     negative values and values of 24 hours or more around the day and drops the fraction, so the
 *     column is read with its Times cast to String ({@code -01:00:00}, {@code 100:00:00.250}), which the
 *     field's reader parses.</li>
 * <li>An AggregateFunction column: the driver cannot read an aggregation state, and the field holds
 *     the finalized value, so the column is read as {@code finalizeAggregation(column)}.</li>
 * </ul>
 * A SimpleAggregateFunction column is read in the form of its argument.
 * Only the SELECT list of a query that reads rows uses these forms; subqueries keep the plain column.
 */
final class WireForm {
    private WireForm() {
    }

    /** Return the expression that selects {@code column} of {@code field} for reading. */
    static Expression select(ModelField field, Expression column) {
        if (isHex(field)) {
            return new Hex(column);
        }
        DataType type = field.column().type();
        if (type.kind() == TypeKind.AGGREGATE_FUNCTION) {
            return new Finalize(column, type.readType());
        }
        // The values' type: a SimpleAggregateFunction's values are its argument's, read as the argument's are.
        DataType values = type.readType();
        DataType wire = hasIpv6Array(values) ? withoutIpv6(values) : values;
        wire = withoutTime(wire);
        return wire.equals(values) ? column : new Cast(column, wire);
    }

    /** Return {@code type} with Time and Time64 replaced by String at any depth, keeping the containers around them. */
    private static DataType withoutTime(DataType type) {
        List<DataType> args = type.arguments().stream().map(WireForm::withoutTime).toList();
        return switch (type.kind()) {
            case TIME, TIME64 -> DataType.string();
            case NULLABLE -> DataType.nullable(args.get(0));
            case LOW_CARDINALITY -> args.get(0).kind() == TypeKind.STRING
                    && type.inner().kind() != TypeKind.STRING ? args.get(0) : DataType.lowCardinality(args.get(0));
            case ARRAY -> DataType.array(args.get(0));
            case MAP -> DataType.map(args.get(0), args.get(1));
            case TUPLE -> DataType.tuple(type.names(), args);
            default -> type;
        };
    }

    /** Return whether {@code item} selects its column as hex text (raw SQL selects the column as it is). */
    static boolean isHex(SelectItem item) {
        return item.expression() instanceof Hex;
    }

    private static boolean isHex(ModelField field) {
        TypeKind k = field.column().type().base().kind();
        return field.annotatedType().getType() == byte[].class && (k == TypeKind.STRING || k == TypeKind.FIXED_STRING);
    }

    /** Return the bytes of the hex column {@code index}, or null for NULL. */
    static byte[] readHex(ResultSet rs, int index) throws SQLException {
        String hex = rs.getString(index);
        return hex == null ? null : HexFormat.of().parseHex(hex);
    }

    private static boolean hasIpv6Array(DataType type) {
        DataType b = type.base();
        if (b.kind() != TypeKind.ARRAY) {
            return false;
        }
        DataType inner = b.inner();
        return inner.base().kind() == TypeKind.IPV6 || hasIpv6Array(inner);
    }

    /** Return {@code type} with IPv6 replaced by String, keeping Array and Nullable around it. */
    private static DataType withoutIpv6(DataType type) {
        return switch (type.kind()) {
            case IPV6 -> DataType.string();
            case NULLABLE -> DataType.nullable(withoutIpv6(type.inner()));
            case LOW_CARDINALITY -> withoutIpv6(type.inner());
            case ARRAY -> DataType.array(withoutIpv6(type.inner()));
            default -> type;
        };
    }

    /** Render {@code hex(operand)}: a binary String as text the driver cannot alter. */
    private record Hex(Expression operand) implements Expression {
        @Override
        public void accept(RenderContext ctx) {
            ctx.sql("hex(").visit(operand).sql(')');
        }

        @Override
        public DataType type(RenderContext ctx) {
            return DataType.string();
        }
    }

    /** Render {@code finalizeAggregation(operand)}: the value of an aggregation state. */
    private record Finalize(Expression operand, DataType type) implements Expression {
        @Override
        public void accept(RenderContext ctx) {
            ctx.sql("finalizeAggregation(").visit(operand).sql(')');
        }

        @Override
        public DataType type(RenderContext ctx) {
            return type;
        }
    }

    /** Render {@code CAST(operand AS type)}. */
    private record Cast(Expression operand, DataType type) implements Expression {
        @Override
        public void accept(RenderContext ctx) {
            ctx.visit(Keyword.CAST).sql('(').visit(operand).sql(' ').visit(Keyword.AS).sql(' ')
                    .sql(type.sql()).sql(')');
        }

        @Override
        public DataType type(RenderContext ctx) {
            return type;
        }
    }
}
