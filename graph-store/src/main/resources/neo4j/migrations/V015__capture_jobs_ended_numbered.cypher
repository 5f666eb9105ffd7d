// The capture jobs that ended before V014, numbered in the order they finished, and the counter after them
// (none made when no job ended: the first ending makes it).
MATCH (j:CaptureJob) WHERE j.running = false AND j.ended IS NULL
WITH j ORDER BY j.finishedAt, j.createdAt, j.id
WITH collect(j) AS jobs WHERE size(jobs) > 0
MERGE (seq:Sequence {id: 'captureJobsEnded'}) ON CREATE SET seq.last = 0
WITH seq, jobs
FOREACH (i IN range(0, size(jobs) - 1) | SET (jobs[i]).ended = seq.last + i + 1)
SET seq.last = seq.last + size(jobs);
