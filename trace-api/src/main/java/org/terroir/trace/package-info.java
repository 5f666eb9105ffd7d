/**
 * The trace API server: reactive GraphQL over the provenance graph and the pages a scanned label
 * opens. One package per feature, each holding its statements, the records its rows become and its
 * GraphQL or HTTP edge: {@code trace}, {@code recall}, {@code directory} (the lists), {@code events},
 * {@code poverty}, {@code scans}, {@code capture}, {@code labels}; beside them {@code access} (who calls), {@code graphql}
 * (the GraphQL edge's arguments, errors, limits and HTTP transports) and {@code neo4j} (transactions
 * and the bulkhead in front of the graph). This package composes them and plans the busiest statements
 * at start ({@link org.terroir.trace.StatementWarmUp}).
 */
package org.terroir.trace;
