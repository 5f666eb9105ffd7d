// The order capture jobs end in: each ending takes the next number of (:Sequence {id: 'captureJobsEnded'})
// as CaptureJob.ended (the counter's lock, held to the commit, makes a number visible only after every
// smaller one), so a subscription matches the jobs past the last it matched along an index, not every
// job since it began. The jobs that ended before are numbered by V015 (data and schema cannot share a
// migration's transaction).
CREATE CONSTRAINT sequence_id IF NOT EXISTS FOR (n:Sequence) REQUIRE n.id IS UNIQUE;
CREATE INDEX capture_job_ended IF NOT EXISTS FOR (n:CaptureJob) ON (n.ended);
