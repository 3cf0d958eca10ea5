-- numeric: arbitrary precision, scale rules, typmods
SELECT 1.50::numeric, 0.1 + 0.2, 1.1 * 1.1, 10.0 / 3, 1 / 3.0, 2::numeric / 3, 100::numeric / 7;
SELECT 123456789012345678901234567890.123 + 1, 99999999999999999999 * 99999999999999999999;
SELECT 1e5::numeric, '1.2e-3'::numeric, '  -0.50 '::numeric, 'NaN'::numeric;
SELECT round(2.5), round(-2.5), round(2.345, 2), round(1234.5, -2), trunc(2.789, 1), trunc(-2.789), ceil(2.01), floor(-2.01);
SELECT 10 % 3.5, -7.5 % 2, abs(-3.25), sign(-3.25), sign(0.0);
SELECT 12.345::numeric(5,2), 0.005::numeric(3,2), 1.5::numeric(2,0), 999.995::numeric(6,2);
CREATE TABLE prices (id int, amount numeric(10,2), rate numeric);
INSERT INTO prices VALUES (1, 19.999, 0.125), (2, 5, 3), (3, NULL, 1.10);
SELECT * FROM prices ORDER BY id;
SELECT sum(amount), avg(amount), sum(rate), avg(rate), min(rate), max(amount) FROM prices;
SELECT amount * rate, amount / 3 FROM prices ORDER BY id;
SELECT 1.0 = 1.00, 1.5 > 1.49, 2::numeric = 2::int;
-- errors
SELECT 'abc'::numeric;
SELECT 1.0 / 0;
SELECT 1000::numeric(5,2);
INSERT INTO prices VALUES (4, 123456789.123, 1);
SELECT 'NaN'::numeric::int;
SELECT 1e40::numeric::bigint;
SELECT 1::numeric(0,0);
