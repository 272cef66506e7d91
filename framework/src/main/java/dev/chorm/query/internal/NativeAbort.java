package dev.chorm.query.internal;

import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.transport.internal.TransportResponse;
import java.lang.reflect.Field;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stop reading a Native answer that the caller no longer wants. Closing a client-v2 response reads
 * the rest of the body so that the connection can be reused (the rest of 5,000,000 rows: a few
 * seconds); a stream closed before its end instead aborts its HTTP connection, which the pool
 * discards, and the server cancels the query when it sees the connection go.
 *
 * <p>client-v2 (0.11) has no public way to do this: its {@link QueryResponse} keeps the Apache
 * HttpClient response private (and wraps its entity in its own LZ4 entity), so both are reached by
 * reflection, and the HTTP entity's body stream (an {@link EofSensorInputStream}) is aborted. When anything here is not as expected (another
 * client-v2 version, a compressed body) the response is simply closed, which drains it: slower,
 * never wrong.
 */
final class NativeAbort {
    private static final Logger LOG = LoggerFactory.getLogger(NativeAbort.class);
    private static final Field TRANSPORT = transportField();

    private NativeAbort() {
    }

    private static Field transportField() {
        try {
            Field f = QueryResponse.class.getDeclaredField("transportResponse");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("client-v2's QueryResponse has no transportResponse field: closing early drains the response", e);
            return null;
        }
    }

    /** Return the entity that {@code entity} wraps (its field of type HttpEntity), or null. */
    private static HttpEntity wrapped(HttpEntity entity) throws IllegalAccessException {
        for (Field f : entity.getClass().getDeclaredFields()) {
            if (f.getType() == HttpEntity.class) {
                f.setAccessible(true);
                return (HttpEntity) f.get(entity);
            }
        }
        return null;
    }

    /** Abort the HTTP connection of {@code response}; return whether it was aborted (else closing drains it). */
    static boolean abort(QueryResponse response) {
        if (TRANSPORT == null) {
            return false;
        }
        try {
            if (TRANSPORT.get(response) instanceof TransportResponse transport
                    && transport.getDelegate() instanceof ClassicHttpResponse http) {
                HttpEntity entity = http.getEntity();
                // client-v2 wraps the HTTP entity in its LZ4 entity (CompressedBlockEntity): unwrap it.
                for (int depth = 0; entity != null && depth < 4; depth++) {
                    if (entity.getClass().getName().startsWith("org.apache.hc.")) {
                        if (entity.getContent() instanceof EofSensorInputStream sensor) {
                            sensor.abort();
                            return true;
                        }
                        return false;
                    }
                    entity = wrapped(entity);
                }
            }
        } catch (Exception e) {
            LOG.debug("aborting a Native response failed; closing drains it instead", e);
        }
        return false;
    }
}
