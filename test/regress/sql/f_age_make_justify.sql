-- age, make_date, make_timestamp, make_interval, justify_*
SELECT age('2024-03-31'::timestamp, '2024-02-29'::timestamp), age('2025-01-01'::timestamp, '2024-12-31 23:00'::timestamp), age('2020-06-15'::timestamp, '2024-01-01'::timestamp);
SELECT make_date(2024, 12, 31), make_date(-44, 3, 15), make_timestamp(2000, 1, 1, 0, 0, 0.000001), make_interval(years => 1, days => 2), make_interval(hours => 36);
SELECT justify_hours('50 hours'::interval), justify_days('65 days'::interval), justify_interval('-1 mon 40 days'::interval), justify_interval('1 mon -31 days 02:00'::interval);
SELECT '2024-01-31'::date + interval '1 month', '2024-03-31'::date - interval '1 month', '2023-02-28'::timestamp + interval '1 year 1 day';
-- errors
SELECT make_date(2024, 13, 1);
SELECT make_date(0, 1, 1);
SELECT make_timestamp(2024, 1, 1, 25, 0, 0);
