// The secret the resolver hashes a scanner's network with (trace-api's copy detection counts independent
// networks, never storing one): one node, made once, shared by every server of the graph.
CREATE CONSTRAINT scan_key_id IF NOT EXISTS FOR (n:ScanKey) REQUIRE n.id IS UNIQUE;
