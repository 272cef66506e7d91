package dev.chorm.junit.events;

import dev.chorm.model.Model;
import dev.chorm.model.Table;
import dev.chorm.model.engine.MergeTree;
import dev.chorm.types.annotation.Int8;

/** The reference backend's Student model, on one node. */
@Table(name = "student")
@MergeTree(orderBy = "id")
public class Student extends Model {
    public String name = "";
    public String address = "";
    @Int8 public byte score;
}
