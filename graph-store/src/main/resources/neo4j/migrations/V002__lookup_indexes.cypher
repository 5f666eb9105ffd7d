// Indexes for the questions asked most: by level, by GTIN and lot, by time and step.
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX batch_gtin_lot IF NOT EXISTS FOR (n:Batch) ON (n.gtin, n.lot);
CREATE INDEX item_gtin_serial IF NOT EXISTS FOR (n:Item) ON (n.gtin, n.serial);
CREATE INDEX location_kind IF NOT EXISTS FOR (n:Location) ON (n.kind);
CREATE INDEX event_time IF NOT EXISTS FOR (n:Event) ON (n.eventTime);
CREATE INDEX event_biz_step IF NOT EXISTS FOR (n:Event) ON (n.bizStep);
CREATE INDEX hop_departed IF NOT EXISTS FOR (n:Hop) ON (n.departed);
CREATE INDEX certification_kind IF NOT EXISTS FOR (n:Certification) ON (n.kind);
CREATE INDEX brand_kind IF NOT EXISTS FOR (n:Brand) ON (n.kind);
