package dev.chorm.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chorm.types.DataType;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The render context: quoting, late text decided when the statement is complete, forks. */
class RenderContextTest {
    @Test
    void quotesIdentifiersAndValues() {
        assertThat(RenderContext.of(null).identifier("we`ird").sql(" = ").value("it's", DataType.string()).toString())
                .isEqualTo("`we\\`ird` = 'it\\'s'");
    }

    @Test
    void lateTextIsDecidedWhenTheStatementIsRead() {
        AtomicReference<String> qualifier = new AtomicReference<>("");
        RenderContext ctx = RenderContext.of(null).sql("SELECT ").later(qualifier::get).identifier("a");
        ctx.sql(" FROM ").identifier("t");
        assertThat(ctx.toString()).isEqualTo("SELECT `a` FROM `t`");
        qualifier.set("`t`.");
        assertThat(ctx.toString()).isEqualTo("SELECT `t`.`a` FROM `t`");
    }

    @Test
    void aForkKeepsItsLateTextWhereItIsAppended() {
        RenderContext ctx = RenderContext.of("scope").sql("NOT (");
        RenderContext fork = ctx.fork().sql("x = ").later(() -> "`t`.").sql("`y`");
        assertThat(fork.scope(String.class)).isEqualTo("scope");
        ctx.append(fork).sql(")").later(() -> " -- end");
        assertThat(ctx.toString()).isEqualTo("NOT (x = `t`.`y`) -- end");
    }

    @Test
    void aPartRenderedWithoutItsScopeSaysSo() {
        assertThatThrownBy(() -> RenderContext.of(null).scope(Integer.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This part renders only inside a scope of type Integer; its context carries none.");
    }
}
