-- text, varchar(n), char(n)
SELECT 'hello'::text, 'hello'::varchar(10), 'hi'::char(5) || '|', length('hi'::char(5)), 'abc'::varchar(2), 'abc'::char(2);
SELECT 'a' || 'b' || 'c', 'x' || 1, 1 || 'x', 'O''Reilly', E'tab\there', $$dollar 'quoted'$$;
SELECT lower('HeLLo'), upper('straße'), initcap('hello wORLD'), length('héllo'), octet_length('héllo');
SELECT substr('abcdef', 2, 3), substring('abcdef', 3), left('abcdef', 2), right('abcdef', 2), left('abc', -1);
SELECT trim('  x  ') || '|', ltrim('xxyxx', 'x'), rtrim('xxyxx', 'x'), btrim('  y '), replace('aXbXc', 'X', '-');
SELECT strpos('hello', 'll'), position('lo' in 'hello'), split_part('a,b,c', ',', 2), repeat('ab', 3), reverse('abc');
SELECT lpad('5', 3, '0'), rpad('ab', 5, '.'), lpad('abcdef', 3), concat('a', NULL, 1, true), concat_ws('-', 'a', NULL, 'b');
SELECT md5('abc'), starts_with('hello', 'he'), ascii('A'), chr(65), quote_ident('My Table'), quote_literal('it''s');
SELECT 'abc' < 'abd', 'a' < 'B', 'Z' < 'a', 'abc' = 'abc '::text, 'abc'::char(5) = 'abc';
SELECT 'abc' LIKE 'a%', 'abc' LIKE '_b_', 'abc' NOT LIKE '%z%', 'ABC' ILIKE 'a%', 'a%c' LIKE 'a\%c', 'axc' LIKE 'a\%c';
CREATE TABLE names (id int, v varchar(5), c char(3), t text);
INSERT INTO names VALUES (1, 'abc', 'ab', 'free text'), (2, 'abcde', 'x', NULL);
INSERT INTO names VALUES (3, 'abc   ', 'abc', 'trailing spaces trimmed');
SELECT id, v, c, c || '|', length(c), t FROM names ORDER BY id;
SELECT id FROM names WHERE c = 'ab' ORDER BY id;
-- errors
INSERT INTO names VALUES (4, 'abcdef', 'a', 't');
INSERT INTO names VALUES (5, 'a', 'abcd', 't');
SELECT 'abc'::varchar(0);
SELECT repeat('x', 2) - 1;
SELECT lower(1);
