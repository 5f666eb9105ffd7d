// Recalls marked by regulators (trace-api markRecalled): one node per recall, keyed by its id.
CREATE CONSTRAINT recall_id IF NOT EXISTS FOR (n:Recall) REQUIRE n.id IS UNIQUE;
