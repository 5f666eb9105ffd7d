// Capture jobs (trace-api's EPCIS capture interface): one node per document received, keyed by its
// id; the jobs still running are found again after a restart.
CREATE CONSTRAINT capture_job_id IF NOT EXISTS FOR (n:CaptureJob) REQUIRE n.id IS UNIQUE;
CREATE INDEX capture_job_running IF NOT EXISTS FOR (n:CaptureJob) ON (n.running);
CREATE INDEX capture_job_created_at IF NOT EXISTS FOR (n:CaptureJob) ON (n.createdAt);
