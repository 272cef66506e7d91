package dev.chorm.query.write;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.DataStreamWriter;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import dev.chorm.ChormException;
import dev.chorm.query.internal.MissingTable;
import dev.chorm.sql.Settings;
import dev.chorm.types.RowBinaryWriter;
import dev.chorm.wire.NativeBlock;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream model objects into one table as Native blocks (or RowBinary, as {@link InsertPlan#format()}
 * says), one {@code INSERT} per batch, through client-v2's
 * streaming insert: rows are encoded straight into the HTTP request body while it is sent, so memory
 * stays bounded by one write buffer whatever the number of rows.
 */
final class BatchInserter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchInserter.class);
    private static final int BUFFER_SIZE = 1 << 17;

    private final Client client;
    private final InsertPlan plan;
    private final Settings settings;
    private final int blockSize;

    BatchInserter(Client client, InsertPlan plan, Settings settings) {
        this(client, plan, settings, ModelWriter.DEFAULT_BLOCK_SIZE);
    }

    /** Create an inserter that sends Native blocks of at most {@code blockSize} rows (when the plan is Native). */
    BatchInserter(Client client, InsertPlan plan, Settings settings, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be at least 1, got " + blockSize);
        }
        this.client = client;
        this.plan = plan;
        this.settings = settings;
        this.blockSize = blockSize;
    }

    /** Insert every row of {@code rows}, at most {@code batchSize} per INSERT; return the number of rows. */
    long insertAll(Iterator<?> rows, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        long total = 0;
        while (rows.hasNext()) {
            total += insertBatch(rows, batchSize, total);
        }
        return total;
    }

    /** Insert the next batch, whose first row is row {@code first} of all the rows (for messages). */
    private long insertBatch(Iterator<?> rows, int batchSize, long first) {
        BatchWriter writer = new BatchWriter(rows, batchSize, first);
        LOG.debug("insert into {} ({} columns, {})", plan.table(), plan.columns().size(), plan.format());
        try (InsertResponse ignored = client.insert(plan.table(), plan.columns(), writer, plan.format(),
                insertSettings()).get()) {
            return writer.count;
        } catch (ExecutionException e) {
            throw failure(writer, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChormException("Interrupted while inserting into " + plan.table(), e);
        } catch (RuntimeException e) {
            throw failure(writer, e);
        }
    }

    private InsertSettings insertSettings() {
        InsertSettings s = new InsertSettings();
        if (plan.hasJson()) {
            s.serverSetting("input_format_binary_read_json_as_string", "1");
        }
        settings.asMap().forEach((name, value) ->
                s.serverSetting(name, value instanceof Boolean b ? (b ? "1" : "0") : value.toString()));
        return s;
    }

    private ChormException failure(BatchWriter writer, Throwable e) {
        if (writer.encodingFailure instanceof ChormException c && writer.failedRow == null) {
            return c;
        }
        if (writer.encodingFailure != null) {
            return new ChormException("Cannot insert " + writer.rowName() + " into " + plan.table()
                    + ": " + plan.describeFailure(writer.failedRow, writer.encodingFailure), writer.encodingFailure);
        }
        if (e instanceof ChormException c) {
            return c;
        }
        int code = e instanceof ServerException se ? se.getCode() : -1;
        String hint = code == MissingTable.CODE ? MissingTable.hint(plan.meta(), "insert", "writes") : "";
        return new ChormException("ClickHouse rejected the insert into " + plan.table() + ": " + e.getMessage() + hint,
                code, e);
    }

    /** Write up to {@code batchSize} rows into the request body, remembering the row that failed. */
    private final class BatchWriter implements DataStreamWriter {
        private final Iterator<?> rows;
        private final int batchSize;
        private final long first;
        private int count;
        private boolean started;
        private Object failedRow;
        private RuntimeException encodingFailure;

        BatchWriter(Iterator<?> rows, int batchSize, long first) {
            this.rows = rows;
            this.batchSize = batchSize;
            this.first = first;
        }

        /** Name the current row for messages: its place among all the rows, and in its batch after the first. */
        String rowName() {
            return first == 0 ? "row " + count + " of the batch"
                    : "row " + (first + count) + " (row " + count + " of the batch from row " + first + ")";
        }

        @Override
        public void onOutput(OutputStream out) throws IOException {
            if (started) {
                throw new IOException("the rows of this batch were already consumed; a streamed insert cannot be retried");
            }
            started = true;
            RowBinaryWriter w = new RowBinaryWriter(out, BUFFER_SIZE);
            // Native: rows are collected column-wise and sent a block at a time; a block with a row that
            // fails to encode is never sent (the request is aborted), so no part of it reaches the table.
            NativeBlock block = plan.nativeRows() == null ? null : plan.nativeRows().newBlock();
            while (count < batchSize && rows.hasNext()) {
                Object row = rows.next();
                if (!plan.meta().modelClass().isInstance(row)) {
                    encodingFailure = new ChormException("Cannot insert " + rowName() + " into "
                            + plan.table() + ": it is " + (row == null ? "null" : "a " + row.getClass().getName())
                            + ", not a " + plan.meta().modelClass().getName() + ".");
                    throw new IOException(encodingFailure.getMessage());
                }
                try {
                    if (block == null) {
                        plan.write(w, row);
                    } else {
                        plan.write(block, row);
                    }
                } catch (RuntimeException e) {
                    failedRow = row;
                    encodingFailure = e;
                    throw new IOException("cannot encode row " + count, e);
                }
                count++;
                if (block != null && block.rows() == blockSize) {
                    block.writeTo(w);
                }
            }
            if (block != null) {
                block.writeTo(w);
            }
            w.flush();
        }

        @Override
        public void onRetry() throws IOException {
            if (started) {
                throw new IOException("a streamed insert cannot be retried once its rows were sent");
            }
        }
    }
}
