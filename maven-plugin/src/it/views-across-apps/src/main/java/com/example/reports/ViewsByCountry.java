package com.example.reports;

import com.example.lookup.CountryName;
import com.example.raw.PageView;
import dev.chorm.model.View;
import dev.chorm.model.ViewQuery;
import dev.chorm.query.Aggregate;
import dev.chorm.query.Count;
import dev.chorm.query.Dictionaries;
import dev.chorm.query.QuerySet;
import dev.chorm.types.annotation.UInt64;

/** Page views and visitors per country name, looked up in the lookup app's dictionary on every read. */
@View
public record ViewsByCountry(String country, @UInt64 long views, @UInt64 long visitors) {
    @ViewQuery
    static QuerySet<?> query() {
        return QuerySet.of(PageView.class)
                .annotate("country", Dictionaries.dictGet(CountryName.class, "name", "country_id"))
                .values("country")
                .annotate("views", Count.all())
                .annotate("visitors", Aggregate.uniqExact("userId"));
    }
}
