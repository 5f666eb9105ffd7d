/** The poverty-alleviation figures: households and registered-poor households per brand and county, role-gated. */
package org.terroir.trace.poverty;
