/** What the HTTP edges of the EPCIS 2.0 REST binding (capture, query) share: versions and problems. */
package org.terroir.trace.epcis;
