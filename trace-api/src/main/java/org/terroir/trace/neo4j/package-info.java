/**
 * Running the features' statements: reactive read and write transactions with the request's timeout,
 * at most so many requests at the graph at once, and reading nullable properties of answered maps.
 */
package org.terroir.trace.neo4j;
