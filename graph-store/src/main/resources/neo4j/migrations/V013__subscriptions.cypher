// Webhook subscriptions to named queries (trace-api's query interface) and the reports they owe
// (an outbox in the graph: found again after a restart, retried until delivered).
CREATE CONSTRAINT subscription_id IF NOT EXISTS FOR (n:Subscription) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (n:Delivery) REQUIRE n.id IS UNIQUE;
CREATE INDEX delivery_next_attempt IF NOT EXISTS FOR (n:Delivery) ON (n.nextAttemptAt);
