-- Inputs the fuzzers found (test/fuzz/findings/), each answered as PostgreSQL answers it.

-- numeric ^ with exponents far past 32 bits: no overflowing conversion, PostgreSQL's scales
SELECT 0 ^ 10000000000000000000000;
SELECT 2 ^ 10000000000000000000000::numeric;
SELECT length((0.5 ^ 10000000000000000000000)::text);
SELECT (-1) ^ 10000000000000000000001, (-1) ^ 10000000000000000000000;
SELECT (-2) ^ 4000000000::numeric;
SELECT 0.99 ^ 2147483647::numeric;
-- integer exponents multiply out exactly, rounded to PostgreSQL's result scale
SELECT 1.5 ^ 100::numeric;
SELECT 2::numeric ^ 200, 2 ^ (-3)::numeric, 2.5 ^ (-3)::numeric, (-2.5) ^ 3::numeric;
SELECT 1.000001 ^ 1000000::numeric;
SELECT length((1.5 ^ 100000::numeric)::text);
SELECT length((10::numeric ^ 131071)::text);
SELECT 10::numeric ^ 131072;
SELECT power(0::numeric, 0), power(7::numeric, 1), power(3::numeric, 2), power(4::numeric, -1);

-- regular expression repetition counts past 255, or reversed
SELECT 'x' ~ 'o{99999999999999999999}';
SELECT 'x' ~ 'o{256}';
SELECT 'x' ~ 'o{1,256}';
SELECT 'x' ~ 'o{3,2}';
SELECT 'ooo' ~ 'o{2,3}', 'x' ~ 'o{255}', 'x{999}' ~ '[{]999}', 'o{999}' ~ 'o\{999}';

-- timestamps whose year or time zone offset carries them past the end of the range
SELECT timestamp '2022024-03-01';
SELECT timestamptz '294277-12-31 22:59:59-01';
SELECT '294676-12-31 23:59:59.999999'::timestamp;
SELECT timestamp '294276-12-30' + interval '1 day';
SELECT timestamp '294276-12-31' + interval '10 days';

-- a time zone name that is a directory of the zone database
SELECT timestamptz '2024-01-01 00:00 America/';
SELECT date '29asia/';
SET timezone = 'America/';
SET timezone = '../zoneinfo/UTC';
SHOW timezone;

-- real denormals: the smallest reads and prints as PostgreSQL's
SELECT '2e-45'::real, '1e-45'::real, '1.4e-45'::real;
SELECT '7e-46'::real;
SELECT '1e-46'::real;
SELECT '3.4028236e38'::real;

-- a leap second reads as the next minute, but nothing goes past 24:00:00
SELECT time '23:59:60', time '24:00:00', timestamp '2020-01-01 23:59:60';
SELECT time '23:59:60.99';
SELECT timestamp '2020-01-01 23:59:60.5';

-- a quantifier on a quantifier is not a regular expression; nested repetitions that
-- backtracking would take exponential time over answer at once
SELECT 'aaa' ~ 'a**';
SELECT 'a1111111111111111111111111111111111111111' ~ '[0-9]+*$';
SELECT 'aaa' ~ 'a{2}+';
SELECT 'aaa' ~ 'a*?b', 'aaa' ~ 'a+?', 'aaa' ~ '(?:a)+', 'a?' ~ '[?*+]+';
SELECT repeat('x', 40) ~ '(x+x+)+y', repeat('x', 40) || 'y' ~ '(x+x+)+y';
SELECT repeat('a', 2000) ~ '(a|aa)*c';
SELECT regexp_match('abc', 'a(b|bc)');

-- named arguments: one name twice; the rest placed by name
SELECT make_date(year => 2020, month => 1, day => 2, day => 3);
SELECT make_date(2020, 1, day => 2), make_date(day => 3, month => 2, year => 2021);

-- an unterminated bound, and powers whose result is past numeric's range from the start
SELECT 'foobar' ~ 'o{2111111111111111111111111111111111';
SELECT 'foobar' ~ 'o{21';
SELECT 888888888880888000000000000 ^ 10000;
SELECT 888888888880888000000000000 ^ (-10000);

-- interval + interval past the day range
SELECT interval '2147483647 days' + interval '1 day';
SELECT interval '-2147483648 days' - interval '1 day';
SELECT interval '1 day 2 hours' - interval '3 days', interval '1 month' + interval '-1 day';
-- numeric powers with tens of thousands of digits, folded while the statement is bound (the sql
-- fuzzer's instrumented build took seconds over them: slow there, a tenth of a second here)
SELECT length((000000999999999999999999999999999990 ^ 30 ^ 88)::text), length((999999999999999999999999999999999990 ^ 10 ^ 88)::text);
