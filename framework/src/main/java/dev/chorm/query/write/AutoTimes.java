package dev.chorm.query.write;

import dev.chorm.model.ModelField;
import dev.chorm.model.ModelMeta;
import dev.chorm.types.DataType;
import dev.chorm.types.TypeKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Stamp {@code @AutoNowAdd} and {@code @AutoNow} fields with the current time, truncated to the
 * column's precision so that the object equals what is read back.
 *
 * <p>Records cannot be changed: their null auto-time fields get the column's {@code DEFAULT now64()}
 * from the server instead (see {@link InsertPlan}).
 */
final class AutoTimes {
    private AutoTimes() {
    }

    /** Set null {@code @AutoNowAdd} fields and every {@code @AutoNow} field of {@code row} to now. */
    static void stampInsert(ModelMeta meta, Object row) {
        stamp(meta, row, true);
    }

    /** Set every {@code @AutoNow} field of {@code row} to now, as a save does. */
    static void stampSave(ModelMeta meta, Object row) {
        stamp(meta, row, false);
    }

    private static void stamp(ModelMeta meta, Object row, boolean insert) {
        if (meta.isRecord()) {
            return;
        }
        Instant now = null;
        for (ModelField f : meta.fields()) {
            boolean due = f.autoTime() == ModelField.AutoTime.ON_SAVE
                    || insert && f.autoTime() == ModelField.AutoTime.ON_INSERT && f.get(row) == null;
            if (due) {
                now = now == null ? Instant.now() : now;
                Object value = now(f, now);
                if (value != null) {
                    f.set(row, value);
                }
            }
        }
    }

    /** Return {@code now} as a value of {@code field}'s Java type, or null for a type chorm cannot make. */
    static Object now(ModelField field, Instant now) {
        DataType type = field.column().type().base();
        Instant t = truncate(now, type);
        ZoneId zone = type.timezone().<ZoneId>map(ZoneId::of).orElse(ZoneOffset.UTC);
        Class<?> javaType = field.javaType();
        if (javaType == Instant.class) {
            return t;
        } else if (javaType == LocalDateTime.class) {
            return LocalDateTime.ofInstant(t, zone);
        } else if (javaType == ZonedDateTime.class) {
            return t.atZone(zone);
        } else if (javaType == OffsetDateTime.class) {
            return t.atOffset(ZoneOffset.UTC);
        } else if (javaType == LocalDate.class) {
            return LocalDate.ofInstant(t, zone);
        } else if (javaType == java.util.Date.class) {
            return java.util.Date.from(t);
        }
        return null;
    }

    private static Instant truncate(Instant now, DataType type) {
        if (type.kind() == TypeKind.DATETIME64) {
            long unit = 1;
            for (int i = type.precision(); i < 9; i++) {
                unit *= 10;
            }
            return Instant.ofEpochSecond(now.getEpochSecond(), now.getNano() / unit * unit);
        }
        return Instant.ofEpochSecond(now.getEpochSecond());
    }
}
