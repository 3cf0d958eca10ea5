-- interval
SELECT '1 day'::interval, '2 hours 30 minutes'::interval, '1 year 2 months 3 days'::interval, '1.5 days'::interval, '90 minutes'::interval;
SELECT '-1 day'::interval, '1 day -2 hours'::interval, '-1 year -2 mons'::interval, '@ 3 days ago'::interval, '10:30'::interval;
SELECT 'P1Y2M3DT4H5M6S'::interval, '1 week'::interval, '0'::interval, '100 hours'::interval, '1.5 months'::interval;
SELECT interval '1 day' + interval '3 hours', interval '1 day' - interval '3 hours', interval '1 hour' * 3, interval '3 hours' / 2, -interval '5 minutes';
SELECT interval '1 day' = interval '24 hours', interval '1 month' > interval '29 days', interval '30 days' = interval '1 month';
SELECT extract(hour FROM interval '3 days 4 hours'), extract(day FROM interval '3 days 4 hours'), extract(epoch FROM interval '1 day 1 second');
CREATE TABLE durations (id int, d interval);
INSERT INTO durations VALUES (1, '1 hour'), (2, '30 minutes'), (3, '2 days');
SELECT sum(d), avg(d), min(d), max(d) FROM durations;
SELECT id FROM durations ORDER BY d DESC;
-- errors
SELECT '1 fortnight'::interval;
SELECT 'abc'::interval;
SELECT interval '1 day' / 0;
