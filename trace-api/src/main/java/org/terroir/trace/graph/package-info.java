/** Reading the graph: catalogue statements run in reactive read transactions. */
package org.terroir.trace.graph;
