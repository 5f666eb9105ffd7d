/** Limits that refuse abusive GraphQL queries before they run, and bound the requests using the graph at once. */
package org.terroir.trace.limits;
