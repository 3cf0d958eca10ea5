-- time and timestamp without time zone
SELECT '10:30'::time, '23:59:59.999999'::time, '24:00:00'::time, '1:02:03 PM'::time, 'allballs'::time;
SELECT '2024-01-15 10:30:00'::timestamp, '2024-01-15T10:30:00.123456'::timestamp, '2024-01-15 10:30:00.500'::timestamp;
SELECT '2024-01-15 10:30:00.123456'::timestamp(2), '2024-01-15 10:30:00.555'::timestamp(0), 'infinity'::timestamp;
SELECT '2024-01-15 10:30'::timestamp + interval '1 day 2 hours', '2024-01-31 12:00'::timestamp + interval '1 month';
SELECT '2024-03-01 00:00'::timestamp - '2024-02-28 12:00'::timestamp, '2024-01-15 10:00'::timestamp - interval '90 minutes';
SELECT date_trunc('hour', '2024-01-15 10:47:12'::timestamp), date_trunc('month', '2024-01-15 10:47:12'::timestamp), date_trunc('week', '2024-01-17 10:47:12'::timestamp);
SELECT extract(hour FROM '2024-01-15 10:47:12.5'::timestamp), extract(second FROM '2024-01-15 10:47:12.5'::timestamp), extract(epoch FROM '2024-01-15 00:00:00'::timestamp);
SELECT '2024-01-15'::date + '10:30'::time, '10:30'::time + interval '45 minutes', '2024-01-15 10:30:45'::timestamp::time, '2024-01-15 10:30:45'::timestamp::date;
SELECT age('2024-03-15'::timestamp, '2023-01-20'::timestamp), age('2024-01-01'::timestamp, '2024-03-15 12:00'::timestamp);
CREATE TABLE logs (id int, at timestamp);
INSERT INTO logs VALUES (1, '2024-01-15 10:00'), (2, '2024-01-15 09:00'), (3, '2024-01-14 23:59:59');
SELECT * FROM logs WHERE at >= '2024-01-15' ORDER BY at;
SELECT count(*) FROM logs WHERE at < '2024-01-15 09:30:00'::timestamp;
-- errors
SELECT '25:00'::time;
SELECT '2024-01-15 10:61'::timestamp;
SELECT 'yesterday-ish'::timestamp;
SELECT 'infinity'::timestamp - '2024-01-01'::timestamp;
SELECT date_trunc('fortnight', '2024-01-15'::timestamp);
-- six digits after a date are HHMMSS: unchecked for timestamp (the next day), refused for time
SELECT '2024-01-01 120000'::timestamp, '2024-01-01 290506'::timestamp;
SELECT '2024-01-01 120000'::time;
SELECT '2024-01-01 290506'::time;
