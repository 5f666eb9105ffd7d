// Scans of labels (trace-api's resolver): one node per scan, keyed by its id; a product's scans
// by GTIN and serial, and all scans by time.
CREATE CONSTRAINT scan_id IF NOT EXISTS FOR (n:Scan) REQUIRE n.id IS UNIQUE;
CREATE INDEX scan_gtin_serial IF NOT EXISTS FOR (n:Scan) ON (n.gtin, n.serial);
CREATE INDEX scan_at IF NOT EXISTS FOR (n:Scan) ON (n.at);
