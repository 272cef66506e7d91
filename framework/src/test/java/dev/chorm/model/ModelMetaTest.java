package dev.chorm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.ChormException;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.model.fixtures.Event;
import dev.chorm.types.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelMetaTest {
    @MergeTree(orderBy = "user_id")
    record PageView(long userId, String url, @Column(name = "ref") String referrer) { }

    static class HTTPRequest {
        static int ignoredStatic;
        @Transient public String ignored;
        transient int alsoIgnored;
        public int statusCode;
        public Integer maybe;
    }

    @Test
    void readsRecordsThroughTheirCanonicalConstructor() {
        ModelMeta meta = ModelMeta.of(PageView.class);
        assertThat(meta.table().name()).isEqualTo("page_view");
        assertThat(meta.fields()).extracting(ModelField::columnName).containsExactly("user_id", "url", "ref");
        assertThat(meta.table().orderBy()).containsExactly("user_id");
        PageView v = (PageView) meta.newInstance(7L, "/a", "google");
        assertThat(v).isEqualTo(new PageView(7, "/a", "google"));
        assertThat(meta.field("ref").orElseThrow().get(v)).isEqualTo("google");
    }

    @Test
    void readsPojosSkippingStaticAndTransientFields() {
        ModelMeta meta = ModelMeta.of(HTTPRequest.class);
        assertThat(meta.table().name()).isEqualTo("http_request");
        assertThat(meta.table().engine().sql()).isEqualTo("MergeTree");
        assertThat(meta.table().orderBy()).isEmpty();
        assertThat(meta.table().columns()).containsExactly(
                ColumnSpec.builder("status_code", DataType.int32()).build(),
                ColumnSpec.builder("maybe", DataType.int32()).build());
        HTTPRequest r = (HTTPRequest) meta.newInstance(200, null);
        assertThat(r.statusCode).isEqualTo(200);
        assertThatThrownBy(() -> meta.newInstance(null, 1)).isInstanceOf(ChormException.class)
                .hasMessage("HTTPRequest.statusCode: column 'status_code' holds NULL, which a int field cannot hold;"
                        + " use a boxed type or make the column non-Nullable.");
    }

    @Test
    void modelBringsALazySnowflakeId() {
        ModelMeta meta = ModelMeta.of(Event.class);
        assertThat(meta.hasSyntheticId()).isTrue();
        ModelField id = meta.fields().get(0);
        assertThat(id.isSyntheticId()).isTrue();
        Event e = new Event();
        assertThat(e.hasId()).isFalse();
        long drawn = (Long) id.get(e);
        assertThat(drawn).isPositive().isEqualTo(e.id());
        assertThat(meta.field("created_at").orElseThrow().autoTime()).isEqualTo(ModelField.AutoTime.ON_INSERT);
    }

    @Test
    void cachesOneMetaPerClass() {
        assertThat(ModelMeta.of(Event.class)).isSameAs(ModelMeta.of(Event.class));
    }

    @Test
    void specsHaveValueEqualityAndBuilders() {
        TableSpec t = ModelMeta.of(Event.class).table();
        assertThat(t.toBuilder().build()).isEqualTo(t).hasSameHashCodeAs(t);
        assertThat(t.toBuilder().comment("x").build()).isNotEqualTo(t);
        assertThat(TableSpec.builder("t").engine(EngineSpec.of("MergeTree")).orderBy("tuple()")
                .setting("index_granularity", "8192").primaryKey(List.of()).build())
                .isEqualTo(TableSpec.builder("t").build());
    }

    @Test
    void snakeCasesJavaNames() {
        assertThat(NameStyle.snakeCase("createdAt")).isEqualTo("created_at");
        assertThat(NameStyle.snakeCase("IPTest")).isEqualTo("ip_test");
        assertThat(NameStyle.snakeCase("JSONModel")).isEqualTo("json_model");
        assertThat(NameStyle.snakeCase("ipv4")).isEqualTo("ipv4");
        assertThat(NameStyle.snakeCase("level2Cache")).isEqualTo("level2_cache");
    }
}
