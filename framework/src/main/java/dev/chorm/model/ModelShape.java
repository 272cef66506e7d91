package dev.chorm.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/** Check that a class can be a model at all and find the constructor the mapper will use. */
final class ModelShape {
    private ModelShape() {
    }

    /** Return the constructor that creates instances (a record's canonical one), or null after recording a problem. */
    static Constructor<?> constructor(Class<?> type, String owner, Problems problems) {
        String kind = kindOf(type);
        if (kind != null) {
            problems.add("%s: a model must be a concrete class or a record, found %s; declare a class or a record.",
                    owner, kind);
            return null;
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            problems.add("%s: an inner class needs its enclosing instance, so chorm cannot create it; make it static.",
                    owner);
            return null;
        }
        return type.isRecord() ? canonical(type, owner, problems) : noArgs(type, owner, problems);
    }

    private static String kindOf(Class<?> type) {
        if (type.isAnnotation()) {
            return "an annotation";
        } else if (type.isInterface()) {
            return "an interface";
        } else if (type.isEnum()) {
            return "an enum";
        } else if (type.isArray() || type.isPrimitive()) {
            return "the type " + type.getSimpleName();
        } else if (Modifier.isAbstract(type.getModifiers())) {
            return "an abstract class";
        }
        return null;
    }

    private static Constructor<?> canonical(Class<?> type, String owner, Problems problems) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            if (!c.trySetAccessible()) {
                problems.add("%s: the canonical constructor of record %s is not accessible to chorm; make the record"
                        + " public or open its package to dev.chorm.", owner, owner);
                return null;
            }
            return c;
        } catch (NoSuchMethodException e) {
            problems.add("%s: record %s has no canonical constructor chorm can find; declare one.", owner, owner);
            return null;
        }
    }

    private static Constructor<?> noArgs(Class<?> type, String owner, Problems problems) {
        try {
            Constructor<?> c = type.getDeclaredConstructor();
            if (!c.trySetAccessible()) {
                problems.add("%s: the no-argument constructor is not accessible to chorm; make it public or open"
                        + " the package to dev.chorm.", owner);
                return null;
            }
            return c;
        } catch (NoSuchMethodException e) {
            problems.add("%s: a model class needs a constructor without parameters; add one (it may be private).",
                    owner);
            return null;
        }
    }
}
