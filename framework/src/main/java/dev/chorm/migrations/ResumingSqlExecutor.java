package dev.chorm.migrations;

import dev.chorm.schema.ResumableSqlExecutor;
import dev.chorm.schema.SqlExecutor;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Run an operation's statements, skipping the first {@code skip} (those a stopped run had done
 * already) and reporting the count after each statement that runs, so that progress is recorded.
 *
 * <p>When the operation is the first this run does of its migration, the first statement it issues
 * may have run already: a killed run can die after the server did it but before it was recorded. The
 * schema editor asks {@link #nextMayHaveRun} and issues that statement so that running it again is
 * harmless.
 */
final class ResumingSqlExecutor implements ResumableSqlExecutor {
    private final SqlExecutor delegate;
    private final int skip;
    private final boolean firstMayHaveRun;
    private final IntConsumer afterStatement;
    private int count;

    ResumingSqlExecutor(SqlExecutor delegate, int skip, boolean firstMayHaveRun, IntConsumer afterStatement) {
        this.delegate = delegate;
        this.skip = skip;
        this.firstMayHaveRun = firstMayHaveRun;
        this.afterStatement = afterStatement;
    }

    @Override
    public boolean nextMayHaveRun() {
        return firstMayHaveRun && count == skip;
    }

    @Override
    public void skipNext(String sql) {
        if (count < skip) {
            count++;
            return;
        }
        count++;
        afterStatement.accept(count);
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
