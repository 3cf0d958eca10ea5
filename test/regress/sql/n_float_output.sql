-- float4/float8 output in shortest round-trip form
SELECT 1.1::float8, 1.1::float4, 100::float8, 1e-7::float8, 123456789.123::float8, 1.0e15::float8, 1.0e16::float8;
SELECT (0.1 + 0.2)::float8, 1/3::float8, 2/3::float4, 3.14159265358979::float8, 1e308::float8 * 10 IS NULL;
SELECT 'inf'::float8, '-inf'::float4, 'nan'::float4, -0.0::float8, 0.000001::float4, 1234567::float4, 12345678::float4;
SELECT x::float8 FROM (VALUES (0.1), (1e-5), (1e21), (123.456)) t(x);
-- errors
SELECT 1e39::float4;
SELECT 'x'::real;
