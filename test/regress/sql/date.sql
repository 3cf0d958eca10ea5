-- date
SELECT '2024-01-15'::date, '2024-02-29'::date, 'January 15, 2024'::date, '15 Jan 2024'::date, '20240115'::date, '2024-1-5'::date;
SELECT '1999-12-31'::date + 1, '2024-03-01'::date - 1, '2024-03-01'::date - '2024-02-01'::date, 7 + '2024-01-01'::date;
SELECT '0001-01-01'::date, '0001-01-01 BC'::date, 'infinity'::date, '-infinity'::date, 'epoch'::date;
SELECT '2024-01-15'::date < '2024-01-16'::date, '2024-01-15'::date = '2024-01-15 00:00'::timestamp;
SELECT extract(year FROM '2024-07-04'::date), extract(month FROM '2024-07-04'::date), extract(dow FROM '2024-07-04'::date), extract(doy FROM '2024-12-31'::date);
SELECT date_part('day', '2024-07-04'::date), extract(isodow FROM '2024-07-07'::date), extract(week FROM '2024-01-01'::date), extract(quarter FROM '2024-08-01'::date);
SELECT make_date(2024, 2, 29), '2024-01-31'::date + interval '1 month';
CREATE TABLE events (id int, d date);
INSERT INTO events VALUES (1, '2024-03-10'), (2, '2023-12-25'), (3, NULL);
SELECT * FROM events ORDER BY d;
SELECT id FROM events WHERE d BETWEEN '2024-01-01' AND '2024-12-31';
SELECT min(d), max(d) FROM events;
-- errors
SELECT '2024-02-30'::date;
SELECT '2023-02-29'::date;
SELECT 'not a date'::date;
SELECT '2024-13-01'::date;
SELECT make_date(2024, 2, 30);
