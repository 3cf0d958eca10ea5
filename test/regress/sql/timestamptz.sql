-- timestamp with time zone follows the session TimeZone
SHOW TimeZone;
SELECT '2024-01-15 10:30:00+00'::timestamptz, '2024-01-15 10:30:00+05:30'::timestamptz, '2024-01-15 10:30:00 America/New_York'::timestamptz;
SET TimeZone = 'America/New_York';
SELECT '2024-01-15 10:30:00'::timestamptz, '2024-07-15 10:30:00'::timestamptz, '2024-01-15 10:30:00+00'::timestamptz;
SELECT '2024-03-10 02:30:00'::timestamptz, '2024-11-03 01:30:00'::timestamptz;
SELECT '2024-03-09 12:00:00'::timestamptz + interval '1 day', '2024-03-09 12:00:00'::timestamptz + interval '24 hours';
SELECT '2024-01-15 10:30:00+00'::timestamptz::timestamp, '2024-01-15 10:30:00'::timestamp::timestamptz, '2024-01-15 23:30:00+00'::timestamptz::date;
SELECT date_trunc('day', '2024-01-15 03:00:00+00'::timestamptz), extract(hour FROM '2024-01-15 03:00:00+00'::timestamptz);
SET TIME ZONE 'Asia/Kolkata';
SELECT '2024-01-15 10:30:00+00'::timestamptz;
SET TimeZone = 'Europe/Berlin';
CREATE TABLE visits (id int, at timestamptz);
INSERT INTO visits VALUES (1, '2024-06-01 12:00:00+00'), (2, '2024-12-01 12:00:00+00');
SELECT id, at FROM visits ORDER BY id;
RESET TimeZone;
SELECT id, at FROM visits ORDER BY id;
SELECT extract(epoch FROM '1970-01-01 00:00:10+00'::timestamptz), '2024-01-15 10:30:00+00'::timestamptz = '2024-01-15 11:30:00+01'::timestamptz;
SELECT now() = now(), now() - now(), pg_typeof(now()), pg_typeof(current_date), current_timestamp <= clock_timestamp();
-- errors
SET TimeZone = 'Mars/Olympus';
SELECT '2024-01-15 10:30:00 Mars/Base'::timestamptz;
SELECT '2024-01-15 10:30:00+99'::timestamptz;
