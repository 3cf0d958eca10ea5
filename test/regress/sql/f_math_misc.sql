-- mod, div, power, sqrt, exp, ln, log, gcd, lcm, width_bucket, pi
SELECT mod(10, 3), mod(-10, 3), mod(10.5, 3), div(10, 3), div(-10, 3), 10 % 4, -10 % 4;
SELECT power(2, 10), power(2.0, 0.5), sqrt(16), sqrt(2::numeric)::numeric(10,6), cbrt(27), exp(0), ln(1), log(100), 2 ^ 3;
SELECT gcd(24, 36), gcd(-24, 36), lcm(4, 6), lcm(0, 5), gcd(9223372036854775806::bigint, 2);
SELECT width_bucket(5.35, 0.024, 10.06, 5), width_bucket(-1, 0, 10, 5), width_bucket(11, 0, 10, 5), width_bucket(5, 10, 0, 5);
SELECT round(pi()::numeric, 10), degrees(0), radians(180) = pi(), round(sin(pi() / 2)::numeric, 10), round(atan2(1, 1)::numeric, 10);
-- errors
SELECT sqrt(-1);
SELECT ln(0);
SELECT mod(1, 0);
SELECT width_bucket(1, 0, 10, 0);
