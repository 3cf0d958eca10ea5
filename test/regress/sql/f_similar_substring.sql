-- substring(text SIMILAR pattern ESCAPE esc): the part between the two escape-double-quote
-- separators; what precedes it matches as little as possible, the middle as much as possible
SELECT substring('Thomas' SIMILAR '%#"o_a#"_' ESCAPE '#') AS oma;
SELECT substring('Thomas' SIMILAR '#"o_a#"_' ESCAPE '#') AS no_match;
SELECT substring('abcabc' SIMILAR '%#"b%#"' ESCAPE '#') AS a, substring('abcabc' SIMILAR '%#"b%' ESCAPE '#') AS one_separator, substring('abcabc' SIMILAR 'a%' ESCAPE '#') AS none;
SELECT substring('xyzzy' SIMILAR '%#"z+#"%' ESCAPE '#'), substring('aaa' SIMILAR 'a*#"a*#"' ESCAPE '#'), substring('ab12cd' SIMILAR '%#"[0-9]+#"%' ESCAPE '#');
SELECT substring('foobar' SIMILAR '#"f(o|x)*#"%' ESCAPE '#'), substring('a.b' SIMILAR '%#".#"%' ESCAPE '#'), substring('a_b' SIMILAR '%!_#"b#"' ESCAPE '#');
SELECT substring('abc' SIMILAR 'a%' ESCAPE ''), substring('abc' SIMILAR 'a%' ESCAPE NULL), substring(NULL SIMILAR 'a' ESCAPE '#'), substring('abc' SIMILAR NULL ESCAPE '#');
SELECT substring('abc', 'a#"b#"%', '#') AS function_form, substring('x1y' SIMILAR '%$"1$"%' ESCAPE '$');
SELECT 'abc' SIMILAR TO 'a#"b#"c' ESCAPE '#' AS separators_in_similar_to, 'ab' SIMILAR TO 'a' ESCAPE NULL AS null_escape;
SELECT s, substring(s SIMILAR '%#"[0-9]+#"' ESCAPE '#') AS trailing_number FROM (VALUES ('order-17'), ('item42'), ('none')) AS t(s) ORDER BY s;
-- errors
SELECT substring('abc' SIMILAR 'a%' ESCAPE 'xx');
SELECT substring('abc' SIMILAR 'a#"b#"c#"' ESCAPE '#');
SELECT 'abc' SIMILAR TO 'a%' ESCAPE 'xx';
SELECT 'abc' SIMILAR TO '#"a#"b#"c#"' ESCAPE '#';
