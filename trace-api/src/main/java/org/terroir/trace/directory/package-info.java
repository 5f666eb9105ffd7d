/** The lists: brands, parties, producers, regions, locations and batches as Relay connections, filtered and paged by key. */
package org.terroir.trace.directory;
