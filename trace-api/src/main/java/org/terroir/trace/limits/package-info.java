/** Limits that refuse abusive GraphQL queries before they run. */
package org.terroir.trace.limits;
