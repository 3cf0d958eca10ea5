-- interval arithmetic
SELECT interval '1 day' + interval '1 hour', interval '2 days' - interval '36 hours', interval '1 hour' * 2.5, interval '1 day' / 3, interval '1 month' * 1.5;
SELECT timestamp '2024-01-31 10:00' + interval '1 month', timestamp '2024-02-29' + interval '1 year', date '2024-01-01' + interval '36 hours', time '23:00' + interval '2 hours';
SELECT timestamp '2024-03-01' - timestamp '2024-02-01', timestamptz '2024-03-31 00:00+00' - timestamptz '2024-03-30 00:00+00', date '2024-03-01' - date '2023-03-01';
SELECT interval '1 year 2 months' = interval '14 months', interval '25 hours' > interval '1 day', interval '-1 day' < interval '0', -interval '1 day 2 hours';
SELECT sum(v), avg(v), max(v) FROM (VALUES (interval '1 hour'), (interval '30 minutes'), (interval '1 day')) t(v);
-- errors
SELECT interval '1 day' / 0;
SELECT timestamp '2024-01-01' + 1;
SELECT interval '1 day' + 1;
-- a product or quotient that does not fit the interval's fields is 22008
SELECT '3000000 months'::interval * 1000;
SELECT '3000000 days'::interval * 1000;
SELECT '1000000000 hours'::interval * 100000;
SELECT '1 month'::interval / 0.0000001;
