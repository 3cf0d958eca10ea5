-- date_part, EXTRACT and date_trunc
SELECT extract(year FROM '2024-02-29 13:45:12.5'::timestamp), extract(month FROM '2024-02-29'::date), extract(day FROM '2024-02-29'::date), extract(hour FROM '2024-02-29 13:45'::timestamp);
SELECT extract(dow FROM '2024-03-03'::date), extract(isodow FROM '2024-03-03'::date), extract(doy FROM '2024-03-01'::date), extract(week FROM '2024-12-30'::date), extract(isoyear FROM '2024-12-30'::date);
SELECT extract(epoch FROM '2024-01-01 00:00:00+00'::timestamptz), extract(epoch FROM '1 day'::interval), extract(quarter FROM '2024-11-01'::date), extract(decade FROM '2024-01-01'::date), extract(century FROM '2024-01-01'::date);
SELECT date_part('minute', '10:17:00'::time), date_part('second', '2024-01-01 00:00:07.25'::timestamp), date_part('millisecond', '2024-01-01 00:00:07.25'::timestamp);
SELECT date_trunc('year', '2024-07-04 12:00'::timestamp), date_trunc('quarter', '2024-08-15'::timestamp), date_trunc('day', '2024-07-04 23:59'::timestamp), date_trunc('minute', '2024-07-04 23:59:59.9'::timestamp);
SELECT date_trunc('hour', '3 days 04:35:00'::interval), date_trunc('day', '2024-07-04 23:59+00'::timestamptz);
-- errors
SELECT extract(fortnight FROM now());
SELECT date_trunc('nosuchunit', '2024-01-01'::timestamp);
SELECT extract(hour FROM '2024-01-01'::date);
