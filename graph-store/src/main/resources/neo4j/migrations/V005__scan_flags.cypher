// Flags of copied labels (trace-api's copy detection): one node per flag, keyed by its id.
CREATE CONSTRAINT scan_flag_id IF NOT EXISTS FOR (n:ScanFlag) REQUIRE n.id IS UNIQUE;
CREATE INDEX scan_flag_at IF NOT EXISTS FOR (n:ScanFlag) ON (n.at);
