package dev.chorm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ModelDefinitionException;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.UInt64;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dictionary checks: one broken dictionary model per mistake, each with its exact message. */
class DictionaryChecksTest {
    private static void assertProblem(Class<?> model, String message) {
        assertThatThrownBy(() -> ModelMeta.of(model)).isInstanceOf(ModelDefinitionException.class).hasMessage(message);
    }

    @MergeTree(orderBy = "id")
    static class Place {
        @UInt64 public long id;
        public String code;
        public String name;
        public LocalDate since;
        public long parent;
    }

    @Dictionary(source = Place.class, primaryKey = "id")
    static class PlaceDict {
        @UInt64 public long id;
        public String name;
    }

    @Test
    void aValidDictionaryReadsIntoADictionarySpec() {
        TableSpec t = ModelMeta.of(PlaceDict.class).table();
        assertThat(t.engine().name()).isEqualTo("Dictionary");
        assertThat(t.dictionary()).isEqualTo(DictionarySpec.ofTable("place", "", java.util.List.of("id"),
                DictionaryLayout.HASHED, 0, 300));
        assertThat(t.dependencies()).containsExactly(TableRef.of("place"));
        assertThat(ModelChecks.notes(PlaceDict.class)).isEmpty();
    }

    @Dictionary(primaryKey = "id")
    static class NoSource {
        @UInt64 public long id;
    }

    @Test
    void needsASourceOrAQuery() {
        assertProblem(NoSource.class,
                "NoSource: @Dictionary needs source = SomeModel.class (its table) or query = \"SELECT ...\"; give one.");
    }

    @Dictionary(source = Place.class, query = "SELECT 1", primaryKey = "id")
    static class BothSources {
        @UInt64 public long id;
    }

    @Test
    void takesOneSource() {
        assertProblem(BothSources.class, "BothSources: @Dictionary gives both source and query; keep one.");
    }

    static class NotAModel {
        public final int x = 1;
    }

    @Dictionary(source = NotAModel.class, primaryKey = "id")
    static class BrokenSource {
        @UInt64 public long id;
    }

    @Test
    void sourceMustBeAValidModel() {
        assertProblem(BrokenSource.class, "BrokenSource: @Dictionary source NotAModel is not a valid model (NotAModel.x: a"
                + " final field cannot be filled from rows; remove final or mark it @Transient.); fix that model first.");
    }

    @MergeTree
    @Dictionary(source = Place.class, primaryKey = "id")
    static class WithEngine {
        @UInt64 public long id;
    }

    @Test
    void hasNoEngine() {
        assertProblem(WithEngine.class, "WithEngine: @Dictionary and @MergeTree exclude each other; a dictionary has no"
                + " table engine, remove @MergeTree.");
    }

    @Dictionary(source = Place.class, primaryKey = {})
    static class NoKey {
        @UInt64 public long id;
    }

    @Test
    void needsAKey() {
        assertProblem(NoKey.class,
                "NoKey: @Dictionary(primaryKey) is empty; name the key column(s), for example primaryKey = \"id\".");
    }

    @Dictionary(source = Place.class, primaryKey = "ident")
    static class UnknownKey {
        @UInt64 public long id;
    }

    @Test
    void keyMustBeAField() {
        assertProblem(UnknownKey.class,
                "UnknownKey: @Dictionary primaryKey names unknown column 'ident'; declare a field for it or fix primaryKey.");
    }

    @Dictionary(source = Place.class, primaryKey = "code", layout = DictionaryLayout.FLAT)
    static class StringKeyOnFlat {
        public String code;
        public String name;
    }

    @Test
    void simpleLayoutsNeedAnIntegerKey() {
        assertProblem(StringKeyOnFlat.class, "StringKeyOnFlat.code: layout FLAT needs an integer key (it is read as"
                + " UInt64), found String; use layout COMPLEX_KEY_HASHED for this key, or an integer key column.");
    }

    @Dictionary(source = Place.class, primaryKey = {"id", "code"}, layout = DictionaryLayout.SPARSE_HASHED)
    static class CompositeKeyOnSimple {
        @UInt64 public long id;
        public String code;
    }

    @Test
    void simpleLayoutsTakeOneKeyColumn() {
        assertProblem(CompositeKeyOnSimple.class, "CompositeKeyOnSimple: layout SPARSE_HASHED takes one key column, found"
                + " 2 (id, code); use layout COMPLEX_KEY_SPARSE_HASHED for a composite key.");
    }

    @Dictionary(source = Place.class, primaryKey = "id", layout = DictionaryLayout.RANGE_HASHED)
    static class RangeWithoutColumns {
        @UInt64 public long id;
        public String name;
    }

    @Test
    void rangeLayoutsNeedARange() {
        assertProblem(RangeWithoutColumns.class, "RangeWithoutColumns: layout RANGE_HASHED needs rangeMin and rangeMax,"
                + " the columns where a row's validity starts and ends; set both.");
    }

    @Dictionary(source = Place.class, primaryKey = "id", rangeMin = "since", rangeMax = "since")
    static class RangeOnHashed {
        @UInt64 public long id;
        public LocalDate since;
    }

    @Test
    void aRangeNeedsARangeLayout() {
        assertProblem(RangeOnHashed.class, "RangeOnHashed: rangeMin and rangeMax need layout RANGE_HASHED or"
                + " COMPLEX_KEY_RANGE_HASHED, found HASHED; remove them or change the layout.");
    }

    @Dictionary(source = Place.class, primaryKey = "id", layout = DictionaryLayout.RANGE_HASHED, rangeMin = "name",
            rangeMax = "until")
    static class BadRangeColumns {
        @UInt64 public long id;
        public String name;
    }

    @Test
    void rangeColumnsExistAndHoldDatesOrNumbers() {
        assertProblem(BadRangeColumns.class, "BadRangeColumns.name: a range column needs a date, time or integer type,"
                + " found String; change the field type.\nBadRangeColumns: @Dictionary range names unknown column 'until';"
                + " declare a field for it or fix rangeMin/rangeMax.");
    }

    @Dictionary(source = Place.class, primaryKey = "id", lifetimeMin = 600, lifetimeMax = 60)
    static class InvertedLifetime {
        @UInt64 public long id;
    }

    @Test
    void lifetimeMinIsAtMostMax() {
        assertProblem(InvertedLifetime.class, "InvertedLifetime: @Dictionary lifetimeMin 600 is greater than lifetimeMax"
                + " 60; ClickHouse reloads at a random time between them, so make lifetimeMin <= lifetimeMax.");
    }

    @Dictionary(source = Place.class, primaryKey = "id", lifetimeMin = -1)
    static class NegativeLifetime {
        @UInt64 public long id;
    }

    @Test
    void lifetimeIsNotNegative() {
        assertProblem(NegativeLifetime.class, "NegativeLifetime: @Dictionary lifetime cannot be negative (lifetimeMin -1,"
                + " lifetimeMax 300); use seconds >= 0, 0 for never.");
    }

    @Dictionary(source = Place.class, primaryKey = "id")
    static class UnknownAttribute {
        @UInt64 public long id;
        public String title;
    }

    @Test
    void attributesAreColumnsOfTheSource() {
        assertProblem(UnknownAttribute.class, "UnknownAttribute.title: source Place (table place) has no column 'title';"
                + " name one of its columns (id, code, name, since, parent) or compute the attribute with"
                + " @DictionaryAttribute(expression = ...).");
    }

    @Dictionary(source = Place.class, primaryKey = "id")
    static class WrongAttributeType {
        @UInt64 public long id;
        public int parent;
    }

    @Test
    void attributeTypesMatchTheSource() {
        assertProblem(WrongAttributeType.class, "WrongAttributeType.parent: type Int32 differs from Place.parent's Int64;"
                + " declare the field with the source column's type.");
    }

    @Dictionary(source = Place.class, primaryKey = "id")
    static class TableOnlyOptions {
        @UInt64 public long id;
        @Materialized("upper(code)") public String name;
        @Comment("the code") public String code;
    }

    @Test
    void columnOptionsOfTablesAreRefused() {
        assertProblem(TableOnlyOptions.class, String.join("\n",
                "TableOnlyOptions.name: a dictionary attribute cannot be MATERIALIZED; use"
                        + " @DictionaryAttribute(expression = ...) to compute it from the source's columns.",
                "TableOnlyOptions.code: a dictionary column has no codec, TTL or comment; remove @Codec, @Ttl and @Comment."));
    }

    @Dictionary(source = Place.class, primaryKey = "id")
    static class BadAttributeOptions {
        @UInt64 @Default("1") @DictionaryAttribute(injective = true) public long id;
        @DictionaryAttribute(hierarchical = true) public long parent;
    }

    @Test
    void attributeOptionsSuitTheirColumn() {
        assertProblem(BadAttributeOptions.class, String.join("\n",
                "BadAttributeOptions.id: a key column cannot have a DEFAULT; remove @Default (a default is for attributes).",
                "BadAttributeOptions.parent: a hierarchical attribute holds a parent key, so it needs the key's type"
                        + " UInt64, found Int64; change the field type.",
                "BadAttributeOptions.id: a key column cannot be injective; mark attributes only."));
    }

    @Table(database = "geo")
    @Dictionary(source = Place.class, primaryKey = "id")
    static class OtherDatabase {
        @UInt64 public long id;
    }

    @Test
    void aDictionaryInAnotherDatabaseNeedsItsSourcesDatabase() {
        assertProblem(OtherDatabase.class, "OtherDatabase: the dictionary is in database 'geo' but its source Place is in"
                + " the connection's database, which the dictionary cannot name; give Place a @Table(database) too, or"
                + " leave the dictionary's out.");
    }

    @MergeTree(orderBy = "id")
    static class TableWithAttribute {
        @UInt64 public long id;
        @DictionaryAttribute(injective = true) public String name;
    }

    @Test
    void attributeOptionsNeedADictionary() {
        assertProblem(TableWithAttribute.class, "TableWithAttribute.name: @DictionaryAttribute needs a @Dictionary model;"
                + " remove it or declare the model with @Dictionary.");
    }
}
