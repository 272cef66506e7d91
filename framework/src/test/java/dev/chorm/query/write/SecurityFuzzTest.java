package dev.chorm.query.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chorm.db.Database;
import dev.chorm.query.expr.Q;
import dev.chorm.query.write.WriteModels.Note;
import dev.chorm.query.write.WriteModels.Patched;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Round-trip 10,000 hostile strings (see {@link FuzzStrings}) through bulkCreate, create, the exact
 * lookup of {@code filter("text", s)} and update(Map), expecting zero mismatches. Reproduce a failure with
 * {@code -Dfuzz.seed=<seed printed in the message>}.
 */
class SecurityFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20_241_121L);
    private static final int COUNT = 10_000;
    private static Database db;
    private static List<String> strings;

    @BeforeAll
    static void open() {
        db = WriteTesting.open("fuzz", Map.of(), Note.class, Patched.class);
        strings = FuzzStrings.generate(SEED, COUNT, 2_000);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void hostileStringsRoundTripThroughInsertsAndFilters() {
        List<Note> rows = IntStream.range(0, COUNT).mapToObj(i -> new Note(i, strings.get(i))).toList();
        ModelWriter<Note> notes = ModelWriter.of(db, Note.class);
        assertThat(notes.bulkCreate(rows, 4_096)).isEqualTo(COUNT);
        for (int i = 0; i < 200; i++) {
            notes.create(new Note(COUNT + i, strings.get(i * 37)));
        }
        Map<Long, String> expected = new TreeMap<>();
        rows.forEach(n -> expected.put(n.id, n.text));
        IntStream.range(0, 200).forEach(i -> expected.put((long) COUNT + i, strings.get(i * 37)));

        Map<Long, String> actual = WriteTesting.readAll(db, Note.class, "id").stream()
                .collect(Collectors.toMap(n -> n.id, n -> n.text, (a, b) -> a, TreeMap::new));
        assertThat(mismatches(expected, actual)).as("seed %d", SEED).isEmpty();

        List<String> wrong = new ArrayList<>();
        for (String s : new TreeSet<>(expected.values())) {
            String want = expected.entrySet().stream().filter(e -> e.getValue().equals(s))
                    .map(e -> e.getKey().toString()).collect(Collectors.joining(","));
            String got = idsMatching(s);
            if (!want.equals(got)) {
                wrong.add(describe(s) + " -> " + got + " instead of " + want);
            }
        }
        assertThat(wrong).as("filter(text=...) with seed %d", SEED).isEmpty();
    }

    @Test
    void hostileStringsRoundTripThroughUpdates() {
        db.execute("TRUNCATE TABLE note");
        db.execute("TRUNCATE TABLE patched");
        ModelWriter<Note> notes = ModelWriter.of(db, Note.class);
        notes.bulkCreate(IntStream.range(0, 150).mapToObj(i -> new Note(i, "")).toList());
        List<Patched> patched = IntStream.range(0, 150).mapToObj(i -> new Patched()).toList();
        ModelWriter<Patched> patchedWriter = ModelWriter.of(db, Patched.class);
        patchedWriter.bulkCreate(patched);
        Map<Long, String> expectedNotes = new TreeMap<>();
        Map<Long, String> expectedPatched = new TreeMap<>();
        for (int i = 0; i < 150; i++) {
            String a = strings.get(COUNT - 1 - i);
            String b = strings.get(COUNT - 151 - i);
            notes.update(Q.of("id", i), Map.of("text", a), MutationMode.ALTER);
            patchedWriter.update(Q.of("id", patched.get(i).id()), Map.of("text", b), MutationMode.LIGHTWEIGHT);
            expectedNotes.put((long) i, a);
            expectedPatched.put(patched.get(i).id(), b);
        }
        Map<Long, String> actualNotes = WriteTesting.readAll(db, Note.class, "id").stream()
                .collect(Collectors.toMap(n -> n.id, n -> n.text, (x, y) -> x, TreeMap::new));
        Map<Long, String> actualPatched = WriteTesting.readAll(db, Patched.class, "id").stream()
                .collect(Collectors.toMap(Patched::id, p -> p.text, (x, y) -> x, TreeMap::new));
        assertThat(mismatches(expectedNotes, actualNotes)).as("ALTER UPDATE, seed %d", SEED).isEmpty();
        assertThat(mismatches(expectedPatched, actualPatched)).as("lightweight UPDATE, seed %d", SEED).isEmpty();
    }

    /** Return the ids of notes whose text equals {@code s}, through the read side's exact lookup. */
    private static String idsMatching(String s) {
        return db.objects(Note.class).filter("text", s).orderBy("id").valuesList("id", Long.class).fetch().stream()
                .map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<String> mismatches(Map<Long, String> expected, Map<Long, String> actual) {
        List<String> out = new ArrayList<>();
        expected.forEach((id, text) -> {
            if (!text.equals(actual.get(id))) {
                out.add("id " + id + ": " + describe(text) + " came back as " + describe(actual.get(id)));
            }
        });
        if (actual.size() != expected.size()) {
            out.add(actual.size() + " rows instead of " + expected.size());
        }
        return out;
    }

    private static String describe(String s) {
        if (s == null) {
            return "null";
        }
        String head = s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + " chars)" : s;
        return head.codePoints().mapToObj(cp -> cp < 0x20 || cp == 0x7f ? "\\u%04x".formatted(cp)
                : new String(Character.toChars(cp))).collect(Collectors.joining("", "\"", "\""));
    }
}
