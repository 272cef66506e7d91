package dev.chorm.migrations;

import dev.chorm.schema.SqlExecutor;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Run an operation's statements, skipping the first {@code skip} (those a stopped run had done
 * already) and reporting the count after each statement that runs, so that progress is recorded.
 */
final class ResumingSqlExecutor implements SqlExecutor {
    private final SqlExecutor delegate;
    private final int skip;
    private final IntConsumer afterStatement;
    private int count;

    ResumingSqlExecutor(SqlExecutor delegate, int skip, IntConsumer afterStatement) {
        this.delegate = delegate;
        this.skip = skip;
        this.afterStatement = afterStatement;
    }

    @Override
    public void execute(String sql) {
        if (count < skip) {
            count++;
            return;
        }
        delegate.execute(sql);
        count++;
        afterStatement.accept(count);
    }

    @Override
    public List<Map<String, Object>> query(String sql) {
        return delegate.query(sql);
    }
}
