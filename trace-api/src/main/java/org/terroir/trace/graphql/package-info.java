/**
 * The GraphQL edge shared by the features: argument checks with graph-model's typed identifiers,
 * Relay pages and their cursors, the one place domain exceptions become GraphQL errors, the limits that refuse abusive
 * operations before they run (depth, cost, per-client budgets, body size) with their metrics, and the
 * HTTP transports (POST, GET with persisted documents, GraphiQL).
 */
package org.terroir.trace.graphql;
