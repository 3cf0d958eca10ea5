-- AT TIME ZONE and time zone conversions
SET TimeZone = 'UTC';
SELECT '2024-01-15 12:00:00+00'::timestamptz AT TIME ZONE 'America/New_York', '2024-07-15 12:00:00+00'::timestamptz AT TIME ZONE 'America/New_York';
SELECT '2024-01-15 12:00:00'::timestamp AT TIME ZONE 'Asia/Tokyo', '2024-01-15 12:00:00'::timestamp AT TIME ZONE 'UTC';
SELECT ('2024-03-10 01:30:00'::timestamp AT TIME ZONE 'America/New_York') AT TIME ZONE 'America/New_York';
SELECT timezone('Europe/Berlin', '2024-10-27 00:30:00+00'::timestamptz), timezone('Europe/Berlin', '2024-10-27 01:30:00+00'::timestamptz);
SET TimeZone = 'Australia/Adelaide';
SELECT '2024-01-01 00:00:00'::timestamptz, '2024-07-01 00:00:00'::timestamptz;
SELECT date_trunc('day', '2024-04-07 01:00:00+00'::timestamptz), date_trunc('day', '2024-04-07 12:00:00+00'::timestamptz, 'UTC');
RESET TimeZone;
-- errors
SELECT now() AT TIME ZONE 'Nowhere/Special';
SELECT date_trunc('day', now(), 'Bad/Zone');
