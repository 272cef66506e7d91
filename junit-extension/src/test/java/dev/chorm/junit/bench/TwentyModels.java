package dev.chorm.junit.bench;

import dev.chorm.junit.ClickhouseTest;
import dev.chorm.junit.Flush;
import dev.chorm.junit.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The benchmark classes' annotation: the twenty models' tables, flushed per method. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ClickhouseTest(schema = Schema.MODELS, flush = Flush.METHOD, models = {BenchModels.M01.class, BenchModels.M02.class, BenchModels.M03.class, BenchModels.M04.class, BenchModels.M05.class, BenchModels.M06.class, BenchModels.M07.class, BenchModels.M08.class, BenchModels.M09.class, BenchModels.M10.class, BenchModels.M11.class, BenchModels.M12.class, BenchModels.M13.class, BenchModels.M14.class, BenchModels.M15.class, BenchModels.M16.class, BenchModels.M17.class, BenchModels.M18.class, BenchModels.M19.class, BenchModels.M20.class})
@interface TwentyModels {
}
