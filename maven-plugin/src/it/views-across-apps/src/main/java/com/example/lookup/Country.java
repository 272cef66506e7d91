package com.example.lookup;

import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.UInt64;

/** Countries by id: the rows of the CountryName dictionary. */
@MergeTree(orderBy = "id")
public class Country {
    @UInt64 public long id;
    public String code = "";
    public String name = "";
}
