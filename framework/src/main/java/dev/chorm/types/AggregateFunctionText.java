package dev.chorm.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalize the function of an {@code AggregateFunction} or {@code SimpleAggregateFunction} type, such
 * as {@code quantiles(0.50,.9)}, into the spelling of {@code system.columns}: {@code quantiles(0.5, 0.9)}.
 *
 * <p>ClickHouse keeps the parameters as values and prints them back its own way (measured on 26.5):
 * integers plainly ({@code +5} is {@code 5}), floats in their shortest form with a trailing dot when
 * whole ({@code 1.0} is {@code 1.}), fixed down to 1e-6 ({@code 0.000001}) and with an exponent below
 * ({@code 0.0000001} is {@code 1e-7}), and strings as written.
 * Normalizing both the declared and the introspected text keeps a model and its live table equal.
 */
final class AggregateFunctionText {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private AggregateFunctionText() {
    }

    /** Return {@code function} normalized; throw IllegalArgumentException when it is not {@code name} or {@code name(params)}. */
    static String normalize(String function) {
        if (function == null) {
            throw new IllegalArgumentException("function == null");
        }
        String f = function.strip();
        int paren = f.indexOf('(');
        String name = (paren < 0 ? f : f.substring(0, paren)).strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an aggregate function name: '" + function + "'");
        }
        if (paren < 0) {
            return name;
        }
        if (!f.endsWith(")")) {
            throw new IllegalArgumentException("unbalanced parentheses in '" + function + "'");
        }
        List<String> params = split(f.substring(paren + 1, f.length() - 1), function);
        List<String> out = new ArrayList<>();
        for (String p : params) {
            out.add(literal(p, function));
        }
        return name + "(" + String.join(", ", out) + ")";
    }

    /** Split the parameter list at its top-level commas, leaving quoted text and nested parentheses whole. */
    private static List<String> split(String text, String function) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                i = closingQuote(text, i, function);
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced parentheses in '" + function + "'");
        }
        parts.add(text.substring(start));
        if (parts.size() == 1 && parts.get(0).isBlank()) {
            return List.of();
        }
        return parts;
    }

    private static int closingQuote(String text, int open, String function) {
        char q = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated quoted parameter in '" + function + "'");
    }

    private static String literal(String param, String function) {
        String p = param.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("empty parameter in '" + function + "'");
        }
        if (INTEGER.matcher(p).matches()) {
            return new BigInteger(p.startsWith("+") ? p.substring(1) : p).toString();
        }
        if (FLOAT.matcher(p).matches()) {
            return floatText(Double.parseDouble(p));
        }
        return p;
    }

    /**
     * Return the state version ClickHouse gives a new column of {@code function} when the type names
     * none: 1 for the {@code sumMap}/{@code minMap}/{@code maxMap} family over arrays (with any
     * combinator, measured on 26.5: {@code AggregateFunction(sumMap, Array(UInt8), Array(UInt64))} is
     * reported as {@code AggregateFunction(1, sumMap, ...)}), 0 (none) otherwise.
     */
    static int defaultVersion(String function, List<DataType> args) {
        boolean mapFamily = function.startsWith("sumMap") || function.startsWith("minMap")
                || function.startsWith("maxMap");
        return mapFamily && !args.isEmpty() && args.get(0).kind() != TypeKind.MAP ? 1 : 0;
    }

    /**
     * Return the type {@code finalizeAggregation} gives for an AggregateFunction column, for the common
     * functions (measured on 26.5): {@code count} and the {@code uniq} family UInt64; {@code sum} Int64,
     * UInt64, Float64 or Decimal(38, S) by its argument; {@code avg}, {@code quantile*}, {@code median*},
     * variances and deviations Float64 (a date-time keeps its type, the exact and GK quantiles their
     * argument's, the timing and t-digest ones are Float32); {@code quantiles*} an Array of that;
     * {@code min}, {@code max}, {@code any*}, {@code argMin}, {@code argMax} and {@code groupBitmap} their
     * (first) argument's type; {@code groupArray}, {@code groupUniqArray}, {@code topK} Array of it. The
     * {@code If} and {@code Distinct} combinators keep the nested function's type, {@code OrNull} makes it
     * Nullable, and so does a Nullable argument except for the counts and Arrays. Other functions are read as their first
     * argument's type (UInt64 without arguments); the field's Java type decides the conversion.
     */
    static DataType finalizedType(DataType type) {
        return finalized(type.functionName(), type.arguments());
    }

    private static DataType finalized(String name, List<DataType> args) {
        if (name.endsWith("OrNull")) {
            DataType t = finalized(name.substring(0, name.length() - 6), args);
            return t.isNullable() ? t : DataType.nullable(t);
        }
        if (name.endsWith("OrDefault")) {
            return finalized(name.substring(0, name.length() - 9), args);
        }
        if (name.endsWith("If") && !args.isEmpty()) {
            return finalized(name.substring(0, name.length() - 2), args.subList(0, args.size() - 1));
        }
        if (name.endsWith("Distinct")) {
            return finalized(name.substring(0, name.length() - 8), args);
        }
        if (args.stream().anyMatch(a -> a.kind() == TypeKind.NULLABLE)) {
            // ClickHouse's Null combinator: the function sees the plain types and its value is NULL when every
            // argument is, except for count, uniq and uniqExact, and for values that cannot be Nullable (Arrays):
            // sum of Nullable(UInt64) is Nullable(UInt64), groupArray of Nullable(String) Array(String) (26.5).
            DataType t = finalized(name, args.stream().map(a -> a.kind() == TypeKind.NULLABLE ? a.inner() : a).toList());
            boolean counts = name.equals("count") || name.equals("uniq") || name.equals("uniqExact")
                    || name.equals("uniqHLL12");
            boolean plain = t.kind() == TypeKind.ARRAY || t.kind() == TypeKind.MAP || t.kind() == TypeKind.TUPLE
                    || t.kind() == TypeKind.LOW_CARDINALITY;
            return counts || plain || t.isNullable() ? t : DataType.nullable(t);
        }
        DataType first = args.isEmpty() ? DataType.uint64() : args.get(0);
        if (name.equals("groupBitmap")) {
            return first; // the argument's integer type (UInt32 for UInt32), measured on 26.5
        }
        if (name.equals("count") || name.startsWith("uniq")) {
            return DataType.uint64();
        }
        if (name.equals("sum") || name.equals("sumWithOverflow") || name.equals("sumKahan")) {
            return sumType(first, name);
        }
        if (name.startsWith("quantiles") || name.startsWith("medians")) {
            return DataType.array(quantileType(name.replaceFirst("^(quantile|median)s", "$1"), first));
        }
        if (name.startsWith("quantile") || name.startsWith("median")) {
            return quantileType(name, first);
        }
        if (name.equals("avg") || name.equals("avgWeighted") || name.startsWith("stddev") || name.startsWith("var")
                || name.startsWith("covar") || name.equals("corr")) {
            return DataType.float64();
        }
        if (name.equals("groupArray") || name.equals("groupUniqArray") || name.equals("topK")
                || name.equals("groupArraySorted") || name.equals("groupArrayLast")) {
            return DataType.array(first);
        }
        return first;
    }

    private static DataType sumType(DataType arg, String name) {
        DataType b = arg.base();
        TypeKind k = b.kind();
        if (name.equals("sumWithOverflow") || k == TypeKind.INT128 || k == TypeKind.INT256 || k == TypeKind.UINT128
                || k == TypeKind.UINT256) {
            return b;
        }
        if (k.isUnsigned()) {
            return DataType.uint64();
        }
        if (k.isInteger()) {
            return DataType.int64();
        }
        if (k == TypeKind.DECIMAL) {
            return DataType.decimal(b.precision() > 38 ? 76 : 38, b.scale());
        }
        return DataType.float64();
    }

    /**
     * Return the type of one quantile of {@code name} (quantile or median, singular) over {@code arg}, as
     * 26.5 gives it: the argument's own type for the exact and GK kinds ({@code quantileExact},
     * {@code quantileExactLow}/{@code High}/{@code Weighted}, {@code quantileGK}), Float32 for the timing
     * and t-digest kinds, {@code quantileInterpolatedWeighted} the argument's type too, a date or date-time
     * kept as it is, else Float64.
     */
    private static DataType quantileType(String name, DataType arg) {
        String kind = name.replaceFirst("^median", "quantile");
        TypeKind k = arg.base().kind();
        if (k.isTemporal() || kind.equals("quantileExact") || kind.equals("quantileExactLow")
                || kind.equals("quantileExactHigh") || kind.equals("quantileExactWeighted")
                || kind.equals("quantileInterpolatedWeighted") || kind.equals("quantileGK")) {
            return arg.base();
        }
        return kind.startsWith("quantileTiming") || kind.startsWith("quantileTDigest") ? DataType.float32()
                : DataType.float64();
    }

    /** Print a Float64 parameter as ClickHouse does: shortest digits, {@code 1.} when whole, exponent when very small or large. */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (b.signum() == 0) {
            return d < 0 || 1 / d < 0 ? "-0." : "0.";
        }
        // The decimal exponent of the leading digit, as in 1.5e-10.
        int exponent = b.precision() - b.scale() - 1;
        if (exponent >= -6 && exponent < 21) {
            String plain = b.toPlainString();
            return b.scale() <= 0 ? plain + "." : plain;
        }
        BigDecimal mantissa = b.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
}
