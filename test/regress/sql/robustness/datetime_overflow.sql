-- Date and time arithmetic at the ends of the ranges (found by PostgreSQL's own suite under
-- UndefinedBehaviorSanitizer): an error or PostgreSQL's answer, never an overflow.
SELECT '2202020-10-05'::date::timestamp;
SELECT '2202020-10-05'::date::timestamptz;
SELECT '294276-12-31'::date::timestamp;
SELECT timestamp '294276-12-31' + interval '2147483647 months';
SELECT timestamp '4713-01-01 BC' - interval '2147483647 months';
SELECT date_part('epoch', '294270-01-01 00:00:00'::timestamp);
SELECT date_part('epoch', '294270-01-01 00:00:00+00'::timestamptz);
SELECT extract(epoch from '4713-01-01 BC'::timestamp);
SELECT justify_interval(interval '2147483647 days 24 hrs');
SELECT justify_interval(interval '-2147483648 days -24 hrs');
SELECT justify_interval(interval '2147483647 months 30 days');
SELECT justify_interval(interval '-2147483648 months -30 days');
SELECT justify_interval(interval '1 month -30 days 1 hour'), justify_interval(interval '-1 month 40 days -2 hours');
-- numeric ^ with a base within 1e-1000 of 1 and a huge exponent
SELECT length(((1 - 1.500012345678e-1000) ^ 1.45e1003)::text);
SELECT 1 ^ 1e5000::numeric, 1.0 ^ (-1e5000)::numeric;
