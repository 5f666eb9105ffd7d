/** The reactive GraphQL provenance API and scan pages (work in progress: see the trace-api issue). */
package org.terroir.trace;
