-- numeric arithmetic: scales, division, big values
SELECT 1.10 + 2.205, 5.00 - 0.1, 1.1 * 1.10, 2.000 / 3, 10 / 4.0, 100::numeric / 3, 1::numeric / 7, 22 / 7::numeric(10,5);
SELECT 123456789012345678901234567890 * 987654321098765432109876543210, 2::numeric ^ 100, 0.1::numeric * 0.1;
SELECT 10.5 % 3, -10.5 % 3, 1e100::numeric + 1, (1e-20)::numeric * 1e20;
SELECT 'NaN'::numeric + 1, 'NaN'::numeric = 'NaN'::numeric, 'NaN'::numeric > 1e1000;
SELECT sum(x), avg(x) FROM (VALUES (0.1), (0.2), (0.3)) t(x);
-- errors
SELECT 1 / 0.0;
SELECT 1e1000::numeric(5,2);
SELECT 'x'::numeric;
