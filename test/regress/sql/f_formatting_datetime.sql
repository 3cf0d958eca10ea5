-- to_char/to_date/to_timestamp/to_number, AT TIME ZONE, make_*, justify_*, date_bin, math, format(), encode/decode
select to_char('2024-03-05 14:07:09.123456'::timestamp, 'YYYY-MM-DD HH24:MI:SS'), to_char('2024-03-05 14:07:09'::timestamp, 'DD Mon YYYY HH12:MI AM'), to_char('2024-03-05'::date, 'Day, FMMonth DDth YYYY');
select to_char('2024-03-05 14:07:09+00'::timestamptz, 'YYYY-MM-DD"T"HH24:MI:SSOF TZ'), to_char('2024-12-31'::date, 'DDD IW Q WW'::text);
select to_char(1234.5, '9999.99'), to_char(1234.5, 'FM9999.99'), to_char(-12, '999'), to_char(0.5, '0.99'), to_char(1234567, '9,999,999'), to_char(5, '000'), to_char(12.345, '99.9'), to_char(-3.5, 'S9.9'), to_char(123, '99');
select to_date('05 Mar 2024', 'DD Mon YYYY'), to_date('2024-03-05', 'YYYY-MM-DD'), to_timestamp('2024-03-05 14:07:09', 'YYYY-MM-DD HH24:MI:SS'), to_timestamp(0), to_number('12,345.6', '99,999.9');
select '2024-01-15 12:00:00+00'::timestamptz at time zone 'America/New_York', '2024-01-15 12:00:00'::timestamp at time zone 'Asia/Tokyo', timezone('UTC', '2024-07-01 00:00+02'::timestamptz);
select make_timestamp(2024, 2, 29, 13, 30, 15.5), make_interval(1, 2, 3, 4, 5, 6, 7.5), make_interval(days => 10);
select justify_hours('27 hours'), justify_days('35 days'), justify_interval('1 mon -1 hour'), date_bin('15 minutes', '2024-01-01 10:38:00'::timestamp, '2024-01-01 00:00:00');
select gcd(12, 18), lcm(4, 6), gcd(0, 5), width_bucket(5.35, 0.024, 10.06, 5), round(sin(0)::numeric, 6), degrees(pi()), factorial(10);
select translate('12345', '143', 'ax'), quote_nullable(null), quote_nullable('a''b'), encode('hello'::bytea, 'hex'), encode('hello'::bytea, 'base64'), decode('aGVsbG8=', 'base64'), decode('68656c6c6f', 'hex');
select format('Hello %s, %I and %L', 'world', 'My Table', 'it''s'), format('%2$s %1$s', 'a', 'b'), format('[%5s|%-5s]', 'x', 'y'), format('%s', null), format('%L', null);
select isfinite('infinity'::timestamptz), isfinite('2024-01-01'::date), current_schemas(true), current_schemas(false);
select format('%x', 1);
select to_char(now(), 'YYYY') = extract(year from now())::text;
select make_timestamp(2024, 2, 30, 0, 0, 0);
select date_bin('1 month', '2024-01-01'::timestamp, '2024-01-01');
