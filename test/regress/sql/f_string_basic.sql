-- string functions: case, length, substring, position
SELECT lower('ÀBC'), upper('àbc'), initcap('hello wORLD-foo bar_baz'), length(''), char_length('abc'), octet_length('é'), length('abc'::bytea);
SELECT substr('hello', 2), substr('hello', 2, 2), substr('hello', 0, 3), substr('hello', -1, 3), substring('hello' from 2 for 3), substring('hello' from 3);
SELECT position('l' in 'hello'), strpos('hello', 'lo'), strpos('hello', 'z'), left('hello', 2), right('hello', 2), left('hello', -2), right('hello', -2);
SELECT reverse('abc'), repeat('ab', 0), repeat('-', 5), ascii(''), chr(9731);
-- errors
SELECT substr('hello', 1, -1);
SELECT chr(0);
SELECT repeat('a');
