-- LIKE ... ESCAPE, substring's regular-expression form, and which overload a call resolves to
CREATE TABLE pat (s text);
INSERT INTO pat VALUES ('a_b%c'), ('axbyc'), ('a\b'), ('a#b'), (NULL);
SELECT s, s LIKE 'a#_b#%c' ESCAPE '#' AS esc_hash, s LIKE 'a\b' ESCAPE '' AS no_escape, s LIKE 'a##b' ESCAPE '#' AS esc_esc, s ILIKE 'A!_B%' ESCAPE '!' AS ilike_esc FROM pat ORDER BY s;
SELECT 'a\b' LIKE 'a#\b' ESCAPE '#', 'ab' NOT LIKE 'a!b' ESCAPE '!', 'a%' LIKE 'a$%' ESCAPE '$', 'aé' LIKE 'a_' ESCAPE 'é';
SELECT substring('foo123bar' from '[0-9]+'), substring('foo123bar' from 'o([0-9])'), substring('foo' from 'x'), substring('abc' from '(x)?b'), substring('hello', 2), substring('hello' from 2 for 2);
SELECT s, substring(s from '^a(.)') FROM pat ORDER BY s;
SELECT pg_typeof(round(1)), pg_typeof(round(1::int8)), pg_typeof(floor(1)), pg_typeof(round(1.5::real)), pg_typeof(ceil('2')), pg_typeof(sqrt(2)), pg_typeof(trunc(2)), pg_typeof(round(1.5));
SELECT round(2.5), round(2.5::float8), round(-2.5), round('1.5'), pg_typeof(abs(2::int2)), pg_typeof(power(2, 3)), pg_typeof(mod(5::int2, 3));
-- errors
SELECT 'a' LIKE 'a' ESCAPE 'xx';
SELECT 'a' LIKE 'a#' ESCAPE '#';
SELECT round('abc');
SELECT substring('abc' from '(');
