/**
 * The expression floor of the query API, below the compiler: what a filter, an annotation or an
 * ordering is made of, and how each piece renders itself into a {@link dev.chorm.sql.RenderContext}.
 *
 * <p>The vocabulary users compose: {@link dev.chorm.query.expr.Expression} (with its builders
 * {@code plus}, {@code eq}, {@code over}, ...), {@link dev.chorm.query.expr.Condition},
 * {@link dev.chorm.query.expr.Q}, {@link dev.chorm.query.expr.F}, {@link dev.chorm.query.expr.Lookup}
 * and the {@link dev.chorm.query.expr.Lookups} registry, {@link dev.chorm.query.expr.Window},
 * {@link dev.chorm.query.expr.Frame}, {@link dev.chorm.query.expr.OrderTerm}. Beside it, because those
 * builders create them, the nodes (e.g. {@code Arithmetic}, {@code LookupCondition}, {@code Over},
 * {@code FunctionCall}) and the name resolution a field path goes through ({@code Scope}, which reads
 * the model metadata and records joins). The nodes are public for the compiler in
 * {@code query.internal}, not for users: build them through the vocabulary.
 *
 * <p>Nothing here names {@code dev.chorm.query} or {@code query.internal}: a subquery is any
 * {@link dev.chorm.sql.QueryPart} (a {@code QuerySet} is one), so the compiler stands on this floor
 * and {@code QuerySet} on the compiler.
 */
package dev.chorm.query.expr;
