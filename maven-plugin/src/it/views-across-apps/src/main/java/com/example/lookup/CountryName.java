package com.example.lookup;

import dev.chorm.model.Default;
import dev.chorm.model.Dictionary;
import dev.chorm.model.DictionaryAttribute;
import dev.chorm.model.DictionaryLayout;
import dev.chorm.types.annotation.UInt64;

/** Country names by id, from Country's table; 'unknown' for an id that is not there. */
@Dictionary(source = Country.class, primaryKey = "id", layout = DictionaryLayout.HASHED, lifetimeMin = 60, lifetimeMax = 120)
public class CountryName {
    @UInt64 public long id;
    @Default("'unknown'") public String name;
    @DictionaryAttribute(expression = "upper(code)") public String upperCode;
}
