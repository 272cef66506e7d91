package dev.chorm.junit;

/** Say when the rows of the test tables are removed (every table is truncated, the tables stay). */
public enum Flush {
    /**
     * Before every test method but the first of the class, so every method starts empty and a kept
     * database still holds the rows the last method wrote.
     */
    METHOD,
    /** Before every {@code @Nested} class that shares its enclosing class's databases. */
    CLASS,
    /** Never: rows written by one method are seen by the next. */
    NEVER
}
