/** The EPCIS events recorded in the graph, by object, location or time, and the hops a carrier carried. */
package org.terroir.trace.events;
