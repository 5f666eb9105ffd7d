// Error declarations name the event they declare erroneous by its GS1 event hash (the hash leaves the
// declaration out), also when they carry an eventID of their own.
CREATE INDEX event_hash IF NOT EXISTS FOR (n:Event) ON (n.hash);
