// Named EPCIS queries (trace-api's query interface, /queries): one node per query, keyed by its name.
CREATE CONSTRAINT named_query_name IF NOT EXISTS FOR (n:NamedQuery) REQUIRE n.queryName IS UNIQUE;
