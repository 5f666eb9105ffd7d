/**
 * The GraphQL side: one resolver per type of {@code graphql/schema.graphqls}, argument checks with
 * graph-model's typed identifiers, and the one place domain exceptions become GraphQL errors.
 */
package org.terroir.trace.graphql;
