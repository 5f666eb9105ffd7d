// What events derive — a transformation's MADE_FROM, a packing's PACKED_IN, a place of production,
// an item's lot — records the events that assert it (`by`; `untilBy` for the unpacking that ended a
// packing), so that an error declaration takes back what only erroneous events asserted. Filled in
// here from the events already in the graph; the import keeps it from then on.
MATCH (o:Batch)-[r:MADE_FROM]->(i:Batch) WHERE r.by IS NULL
SET r.by = COLLECT { MATCH (o)<-[:OUTPUT]-(e:Event)-[:INPUT]->(i) RETURN DISTINCT e.eventId };
MATCH (c)-[r:PACKED_IN]->(p:Container) WHERE r.by IS NULL
SET r.by = COLLECT { MATCH (c)<-[:CHILD]-(e:Event {action: 'ADD'})-[:PARENT]->(p) RETURN DISTINCT e.eventId },
    r.untilBy = CASE WHEN r.until IS NULL THEN null
                     ELSE COLLECT { MATCH (c)<-[:CHILD]-(e:Event {action: 'DELETE'})-[:PARENT]->(p)
                                    RETURN e.eventId ORDER BY e.eventTime DESC LIMIT 1 }[0] END;
MATCH (n)-[r:PRODUCED_AT]->(l:Location) WHERE r.by IS NULL
SET r.by = COLLECT { MATCH (n)<-[:OBSERVED|OUTPUT]-(e:Event)-[:AT|READ_AT]->(l)
                     WHERE e.type = 'TransformationEvent' OR (e.action = 'ADD' AND e.bizStep = 'commissioning')
                     RETURN DISTINCT e.eventId };
MATCH (i:Item)-[r:OF_BATCH]->(:Batch) WHERE r.by IS NULL
SET r.by = COLLECT { MATCH (i)<-[:OBSERVED|OUTPUT]-(e:Event)
                     WHERE e.type = 'TransformationEvent' OR (e.action = 'ADD' AND e.bizStep = 'commissioning')
                     RETURN DISTINCT e.eventId };
