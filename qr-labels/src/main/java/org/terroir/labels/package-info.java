/** Signed GS1 Digital Link QR labels, keys and offline verification (work in progress: see the signed-labels issue). */
package org.terroir.labels;
