-- Advisory locks in one session: results, counting, transaction-level holds, warnings
SELECT pg_advisory_lock(1), pg_advisory_lock(1), pg_try_advisory_lock(1);
SELECT pg_advisory_unlock(1), pg_advisory_unlock(1), pg_advisory_unlock(1);
SELECT pg_advisory_lock_shared(5, 6), pg_try_advisory_lock_shared(5, 6), pg_try_advisory_lock(5, 6);
SELECT pg_advisory_unlock_shared(5, 6), pg_advisory_unlock(5, 6), pg_advisory_unlock_shared(5, 6), pg_advisory_unlock_shared(5, 6);
BEGIN;
SELECT pg_advisory_xact_lock(9), pg_try_advisory_xact_lock(9), pg_advisory_xact_lock_shared(10), pg_try_advisory_xact_lock_shared(10);
SELECT pg_advisory_unlock(9);
COMMIT;
SELECT pg_advisory_lock(2::smallint), pg_advisory_lock(3::bigint), pg_advisory_unlock_all();
SELECT pg_advisory_unlock(2);
SELECT pg_typeof(pg_advisory_lock(4)), pg_typeof(pg_try_advisory_lock(4));
SELECT pg_advisory_unlock_all();
-- errors
SELECT pg_advisory_lock('x');
SELECT pg_advisory_lock(1, 2, 3);
SELECT pg_advisory_lock(1.5);
