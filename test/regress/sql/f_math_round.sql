-- rounding and truncation on numeric and float
SELECT round(2.5), round(3.5), round(-2.5), round(2.567, 2), round(2.565, 2), round(1234.56, -2), round(0.5::float8), round(1.5::float8), round(2.5::float8);
SELECT trunc(2.99), trunc(-2.99), trunc(2.567, 2), trunc(1234.5, -2), ceil(2.1), ceil(-2.1), floor(2.9), floor(-2.9), ceiling(0.1);
SELECT round(12345.6789::numeric, 3), round(1e-10::numeric, 12), trunc(99.999::float8), ceil(1e20::float8);
SELECT sign(-3), sign(0.0), sign(7.5), abs(-7), abs(-7.5), abs(-2::bigint), abs('-3.5'::float8);
-- errors
SELECT abs(-2147483648::int);
