-- Regular expressions over long texts: std::regex recurses per character, so these run on a
-- stack sized for the text (function/regex_stack.hpp) instead of overflowing the server's.
SELECT repeat('ab', 200000) ~ '^(a|b)*$';
SELECT repeat('ab', 200000) !~ '^(a|b)*$';
SELECT repeat('ab', 100000) ~* '^(A|B)*$';
SELECT regexp_replace(repeat('ab', 100000), '(a|b)', 'x', 'g') = repeat('x', 200000);
SELECT length(regexp_replace(repeat('ab', 100000), '^(a|b)*', 'x'));
SELECT array_length(regexp_split_to_array(repeat('ab,', 50000), ','), 1);
SELECT count(*) FROM regexp_split_to_table(repeat('ab,', 50000), ',');
SELECT count(*) FROM regexp_matches(repeat('ab', 50000), '(a|b)', 'g');
SELECT length((regexp_match(repeat('ab', 50000) || 'c', '^((a|b)*)c'))[1]);
SELECT regexp_count(repeat('ab', 50000), 'a');
SELECT substring(repeat('ab', 100000) || 'c' FROM '(a|b)*(c)');
SELECT repeat('ab', 100000) SIMILAR TO '(a|b)*';
SELECT substring(repeat('ab', 100000) || 'c' SIMILAR '%#"c#"' ESCAPE '#');
-- an error inside the match still reaches the client as itself
SELECT regexp_replace(repeat('ab', 100000), 'a', 'x', 'z');
