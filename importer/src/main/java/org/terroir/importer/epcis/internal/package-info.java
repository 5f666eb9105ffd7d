/** Implementation of the EPCIS readers, validation rules and event hash; not API. */
package org.terroir.importer.epcis.internal;
