-- Evaluating jsonpath: jsonb_path_query / _array / _first / _exists / _match and @? / @@, lax vs
-- strict mode (unwrapping, structural errors and silent), vars, filters and predicates,
-- arithmetic, item methods, .** levels, last and slices, and a table queried with @? / @@.

-- member access: lax vs strict
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', '$.a');
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', '$.*');
select jsonb_path_query('{"a": 12, "b": {"a": 13}}', 'lax $.*.a');
select jsonb_path_query('{"a b": 1, "": 2}', '$."a b" + $.""');
select jsonb_path_query('1', 'lax $.a');
select jsonb_path_query('1', 'strict $.a');
select jsonb_path_query('1', 'strict $.*');
select jsonb_path_query('1', 'strict $.a', silent => true);
select jsonb_path_query('[]', 'strict $.a');
select jsonb_path_query('{}', 'strict $.a');
select jsonb_path_query('{}', 'strict $.a', silent => true);
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $.a');
select jsonb_path_query('[1,2,3]', 'strict $[*].a');
select jsonb_path_query('[1,2,3]', 'strict $[*].a', silent => true);
select jsonb_path_query('[[1, 2], [3, [4]]]', 'lax $[*][*]');
-- array access: lax vs strict
select jsonb_path_query('1', 'lax $[0]');
select jsonb_path_query('{"a": 1}', 'lax $[*]');
select jsonb_path_query('1', 'strict $[1]');
select jsonb_path_query('1', 'strict $[*]');
select jsonb_path_query('[]', 'strict $[1]');
select jsonb_path_query('[]', 'strict $["a"]');
select jsonb_path_query('1', 'strict $[*]', silent => true);
select jsonb_path_query('[1]', 'strict $[1]');
select jsonb_path_query('[1]', 'lax $[1]');
select jsonb_path_query('[1]', 'lax $[10000000000000000]');
select jsonb_path_query('[1,2,3]', '$[0.3]'), jsonb_path_query('[1,2,3]', '$[1.9]');
select jsonb_path_query('[1,2,3]', '$[-1]');
select jsonb_path_query('[1,2,3]', 'strict $[-1]');
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'lax $[0 to 10].a');
select jsonb_path_query('[12, {"a": 13}, {"b": 14}]', 'strict $[0 to 10]');
select jsonb_path_query('[1,2,3,4,5]', '$[3 to 1]');
select jsonb_path_query('[1,2,3,4,5]', '$[1 to last]');
select jsonb_path_query('[1,2,3,4,5]', '$[last - 1 to last, 0]');
select jsonb_path_query('[1,2,3,4,5]', '$[2 to 2, 0 to 1]');
select jsonb_path_query('[12, {"a": 13}, {"b": 14}, "ccc", true]', '$[2.5 - 1 to $.size() - 2]');
select jsonb_path_query('[1,2,3]', '$[last]');
select jsonb_path_query('[]', '$[last]');
select jsonb_path_query('[]', 'strict $[last]');
select jsonb_path_query('7', '$[last]');
select jsonb_path_query('[1,2,3]', '$[last ? (@.type() == "number")]');
select jsonb_path_query('[1,2,3]', '$[last ? (@.type() == "string")]');
-- jsonb_path_query in FROM and in select lists
select * from jsonb_path_query('{"a": [1, 2, 3]}', '$.a[*]');
select * from jsonb_path_query('{"a": [1, 2, 3]}', '$.a[*]') with ordinality as t(v, n);
select v, jsonb_typeof(v) from jsonb_path_query('[1, "x", null, true, [], {}]', '$[*]') as v;
select jsonb_path_query('[{"a": 1}, {"a": [2, 3]}]', '$[*].a') as v, 'row' as label;
select count(*) from jsonb_path_query('[1,2,3,4,5,6]', '$[*] ? (@ % 2 == 0)');
select jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)');
-- vars
select jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)', '{"value": 13}');
select jsonb_path_query('[10,11,12,13,14,15]', '$[0,1] ? (@ < $x.value)', '{"x": {"value": 13}}');
select jsonb_path_query('[10,11,12]', '$[*] ? (@ > $"my var")', '{"my var": 10}');
select jsonb_path_query('[1,"1",2,"2",null]', '$[*] ? (@ == $value)', '{"value": "1"}');
select jsonb_path_query('[1,"1",2,"2",null]', '$[*] ? (@ == $value)', '{"value": null}');
select jsonb_path_query('{"a": 10}', '$ ? (@.a < $value)', '1');
select jsonb_path_query('[{"a": 1}]', '$undefined_var');
select jsonb_path_query('[{"a": 1}]', '$undefined_var', '{}', true);
select jsonb_path_query('{}', '$x', vars => '{"x": [1, 2]}');
select jsonb_path_query('{}', '$x[*] + 1', vars => '{"x": [1, 2]}');
select jsonb_path_query('[1,2,3]', '$[*] ? (@ > 1)', null);
-- filters: comparisons of numbers / strings / booleans / null
select jsonb_path_query('[1,"1",2,"2",null]', '$[*] ? (@ == "1")');
select jsonb_path_query('[1, "2", null]', '$[*] ? (@ != null)');
select jsonb_path_query('[1, 1.0, 1e0, 2]', '$[*] ? (@ == 1)');
select jsonb_path_query('[true, false, null, "true"]', '$[*] ? (@ == true)');
select jsonb_path_query('[true, false]', '$[*] ? (@ > false)');
select jsonb_path_query('["a", "b", "ab", "B", ""]', '$[*] ? (@ > "a")');
select jsonb_path_query('["a", "b", "ab", "B", ""]', '$[*] ? (@ <= "ab")');
select jsonb_path_query('[{"a": 1}, {"a": 5}, {"b": 2}]', '$[*] ? (@.a >= 2)');
select jsonb_path_query('[{"a": 1}, {"a": 5}, {"b": 2}]', '$[*] ? (@.a != 5)');
select jsonb_path_query('{}', '$ ? (@ == @)');
select jsonb_path_query('[]', 'strict $ ? (@ == @)');
select jsonb_path_query('[[1], {"a": 1}]', '$[*] ? (@ == @)');
select jsonb_path_query('{"a": [1,2,3], "b": [3,4,5]}', '$ ? (@.a[*] >= @.b[*])');
select jsonb '{"a": [1,2,3], "b": [3,4,"5"]}' @? '$ ? (@.a[*] >= @.b[*])';
select jsonb '{"a": [1,2,3], "b": [3,4,"5"]}' @? 'strict $ ? (@.a[*] >= @.b[*])';
select jsonb '1' @? '$ ? ((@ == "1") is unknown)';
select jsonb '1' @? '$ ? ((@ == 1) is unknown)';
select jsonb_path_query('[1, "a", null, [2]]', '$[*] ? ((@ > 0) is unknown)');
select jsonb_path_query('[1, "a", null]', '$[*] ? (!(@ > 0))');
select jsonb_path_query('[1, 2, 3, 4]', '$[*] ? (@ > 1 && @ < 4 || @ == 4)');
select jsonb_path_query('{"c": {"a": 2, "b": 1}}', '$.** ? (@.a == @.b + 1)');
select jsonb_path_query('{"a": {"b": [1, 5, 9]}}', '$.a ? (@.b[*] > 8).b');
-- exists
select jsonb_path_query('{"g": {"x": 2}}', '$.g ? (exists (@.x))');
select jsonb_path_query('{"g": {"x": 2}}', '$.g ? (exists (@.y))');
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'strict $.g[*] ? (exists (@.x))');
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'strict $.g[*] ? ((exists (@.x)) is unknown)');
select jsonb_path_query('{"g": [{"x": 2}, {"y": 3}]}', 'lax $.g ? ((exists (@.x + "3")) is unknown)');
-- starts with and like_regex
select jsonb_path_query('["", "a", "abc", "abcabc"]', '$[*] ? (@ starts with "abc")');
select jsonb_path_query('["abc", "abcabc", null, 1]', 'strict $ ? (@[*] starts with "abc")');
select jsonb_path_query('["abc", "abcabc", null, 1]', 'strict $ ? ((@[*] starts with "abc") is unknown)');
select jsonb_path_query('[null, 1, "abd", "abdabc"]', 'lax $[*] ? ((@ starts with "abc") is unknown)');
select jsonb_path_query('["abc", "xabc"]', '$[*] ? (@ starts with $p)', '{"p": "ab"}');
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "babc", "adc\nabc", "ab\nadc"]', 'lax $[*] ? (@ like_regex "^ab.*c")');
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "babc", "adc\nabc", "ab\nadc"]', 'lax $[*] ? (@ like_regex "^ab.*c" flag "i")');
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "babc", "adc\nabc", "ab\nadc"]', 'lax $[*] ? (@ like_regex "^ab.*c" flag "m")');
select jsonb_path_query('[null, 1, "abc", "abd", "aBdC", "abdacb", "babc", "adc\nabc", "ab\nadc"]', 'lax $[*] ? (@ like_regex "^ab.*c" flag "s")');
select jsonb_path_query('[null, 1, "a\b", "a\\b", "^a\\b$"]', 'lax $[*] ? (@ like_regex "a\\b" flag "q")');
select jsonb_path_query('["a1", "b22", "c"]', '$[*] ? (@ like_regex "[0-9]+$")');
select jsonb_path_query('[1, "a"]', 'strict $[*] ? ((@ like_regex "a") is unknown)');
-- arithmetic
select jsonb_path_query('{"a": 2}', '($.a - 5).abs() + 10');
select jsonb_path_query('{"a": 2.5}', '-($.a * $.a).floor() % 4.3');
select jsonb_path_query('[]', '1 + 2 * 3 - 4 / 2');
select jsonb_path_query('{"a": 7, "b": 2}', '$.a / $.b'), jsonb_path_query('{"a": 7, "b": 2}', '$.a % $.b');
select jsonb_path_query('{"a": 7, "b": 2}', '$.a * 1.5'), jsonb_path_query('{"a": -7, "b": 2}', '$.a % $.b');
select jsonb_path_query('1', '$ / 3');
select jsonb_path_query('0.1', '$ + 0.2');
select jsonb_path_query('0', '1 / $');
select jsonb_path_query('0', '1 % $');
select jsonb_path_query('0', '1 / $', silent => true);
select jsonb_path_query('[1,2,0,3]', '$[*] ? (2 / @ > 0)');
select jsonb_path_query('[1,2,0,3]', '$[*] ? ((2 / @ > 0) is unknown)');
select jsonb_path_query('1', '$ + "2"');
select jsonb_path_query('[1, 2]', '3 * $');
select jsonb_path_query('"a"', '-$');
select jsonb_path_query('{"a": [2]}', 'lax $.a * 3');
select jsonb_path_query('{"a": [2, 3, 4]}', 'lax -$.a');
select jsonb_path_query('{"a": [2, 3, 4]}', 'strict -$.a');
select jsonb_path_query('{"a": [1, 2]}', 'lax $.a * 3');
select jsonb_path_query('[1, 2, 3]', '($[*] > 2) ? (@ == true)');
select jsonb '["1",2,0,3]' @? '-$[*]';
select jsonb '["1",2,0,3]' @? 'strict -$[*]';
-- item methods
select jsonb_path_query('[null,1,true,"a",[],{}]', '$.type()');
select jsonb_path_query('[null,1,true,"a",[],{}]', '$[*].type()');
select jsonb_path_query('[1,null,true,"11",[],[1],[1,2,3],{},{"a":1,"b":2}]', 'strict $[*].size()');
select jsonb_path_query('[1,null,true,"11",[],[1],[1,2,3],{},{"a":1,"b":2}]', 'strict $[*].size()', silent => true);
select jsonb_path_query('[1,null,true,"11",[],[1],[1,2,3],{},{"a":1,"b":2}]', 'lax $[*].size()');
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].abs()');
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].floor()');
select jsonb_path_query('[0, 1, -2, -3.4, 5.6]', '$[*].ceiling()');
select jsonb_path_query('[1.50, -0.5]', '$[*].abs()');
select jsonb_path_query('{}', '$.abs()');
select jsonb_path_query('"1.2"', '$.ceiling()');
select jsonb_path_query('"1.5"', '$.double()');
select jsonb_path_query('"1.5"', '$.double() + 1');
select jsonb_path_query('["-2", " 3 ", "1e2"]', '$[*].double()');
select jsonb_path_query('"1.23aaa"', '$.double()');
select jsonb_path_query('null', '$.double()');
select jsonb_path_query('[]', '$.double()');
select jsonb_path_query('[]', 'strict $.double()');
select jsonb_path_query('"inf"', '$.double()');
select jsonb_path_query('1e1000', '$.double()');
select jsonb_path_query('{}', '$.keyvalue()');
select jsonb_path_query('{"a": 1, "b": [1, 2], "c": {"a": "bbb"}}', '$.keyvalue()');
select jsonb_path_query('[{"a": 1, "b": [1, 2]}, {"c": {"a": "bbb"}}]', '$[*].keyvalue()');
select jsonb_path_query('[{"a": 1, "b": [1, 2]}, {"c": {"a": "bbb"}}]', 'strict $.keyvalue()');
select jsonb_path_query('{"b": 2, "aa": 1, "a": 3}', '$.keyvalue().key');
select jsonb_path_query('{"x": {"y": 1}}', '$.x.keyvalue() ? (@.value == 1).key');
select jsonb_path_query('[{},1]', '$[*].keyvalue()');
-- .** with levels
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**');
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{2 to last}');
select jsonb_path_query('{"a": {"b": 1}}', 'lax $.**{last}');
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{1}.b ? (@ > 0)');
select jsonb_path_query('{"a": {"c": {"b": 1}}}', 'lax $.**{2 to 3}.b ? (@ > 0)');
select jsonb_path_query('[1, [2, {"a": 3}]]', '$.**');
select jsonb_path_query('[1, [2, {"a": 3}]]', 'strict $.** ? (@.type() == "number")');
-- jsonb_path_query_array and jsonb_path_query_first
select jsonb_path_query_array('[{"a": 1}, {"a": 2}]', '$[*].a');
select jsonb_path_query_array('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ > 10)');
select jsonb_path_query_array('[{"a": 1}, {"a": 2}, {}]', 'strict $[*].a');
select jsonb_path_query_array('[{"a": 1}, {"a": 2}, {"a": 3}, {"a": 5}]', '$[*].a ? (@ > $min && @ < $max)', vars => '{"min": 1, "max": 4}');
select jsonb_path_query_array('{"a": [1, [2]]}', '$.a');
select jsonb_path_query_first('[{"a": 1}, {"a": 2}]', '$[*].a');
select jsonb_path_query_first('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ > 10)');
select jsonb_path_query_first('[{"a": 1}, {"a": 2}, {}]', 'strict $[*].a');
select jsonb_path_query_first('[{"a": 1}, {"a": 2}, {}]', 'strict $[*].a', silent => true);
-- jsonb_path_exists and @?
select jsonb_path_exists('[{"a": 1}, {"a": 2}]', '$[*].a ? (@ > 1)');
select jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'lax $[*].a');
select jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'strict $[*].a');
select jsonb_path_exists('[{"a": 1}, {"a": 2}, 3]', 'strict $[*].a', silent => true);
select jsonb_path_exists('{"a": 1}', '$.b'), jsonb_path_exists('{"a": 1}', 'false');
select jsonb '{"a": 12}' @? '$', jsonb '{"a": 12}' @? '$.b', jsonb '{"a": 12}' @? '$.a + 2';
select jsonb '[1]' @? 'strict $[1]';
select jsonb '{"a": 12}' @? 'strict $.b';
select jsonb '[]' @? '$[*]', jsonb '[1]' @? '$[*]';
select jsonb '[1,2]' @? '$[*] ? (@ == 3)', jsonb '[1,2]' @? '$[*] ? (@ == 2)';
select null::jsonb @? '$', jsonb '{}' @? null, null::jsonb @@ '$', jsonb 'true' @@ null;
select jsonb_path_exists(null, '$'), jsonb_path_query_first('{}', null);
-- jsonb_path_match and @@
select jsonb_path_match('true', '$'), jsonb_path_match('false', '$'), jsonb_path_match('null', '$');
select jsonb_path_match('1', '$');
select jsonb_path_match('1', '$', silent => true);
select jsonb_path_match('[true]', '$');
select jsonb_path_match('[true, true]', '$[*]');
select jsonb_path_match('{}', 'lax $.a');
select jsonb_path_match('{}', 'strict $.a');
select jsonb_path_match('{}', 'strict $.a', silent => true);
select jsonb_path_match('[[1, true], [2, false]]', 'strict $[*] ? (@[0] > $x) [1]', '{"x": 1}');
select jsonb_path_match('[{"a": 1}, {"a": 2}, 3]', 'strict exists($[*].a)');
select jsonb_path_match('[{"a": 1}, {"a": 2}, 3]', 'strict exists($[*].a)', silent => true);
select jsonb '2' @@ '$ > 1', jsonb '2' @@ '$ <= 1', jsonb '2' @@ '$ == "2"';
select jsonb '2' @@ '1';
select jsonb '{}' @@ '$', jsonb '[]' @@ '$[*]', jsonb '[1,2,3]' @@ '$[*]';
select jsonb '[{"a": 1}, {"a": 2}]' @@ '$[*].a > 1';
select jsonb '{"a": 1}' @@ 'strict $.b > 0';
select jsonb_path_query('2', '$ > 1'), jsonb_path_query('2', '$ == "2"');
-- jsonpath values from a table
create table jp_docs (id int primary key, doc jsonb);
insert into jp_docs values
  (1, '{"n": 1, "tags": ["x", "y"], "user": {"name": "ann"}}'),
  (2, '{"n": 2, "tags": ["y"], "user": {"name": "bob", "age": 30}}'),
  (3, '{"n": 3, "tags": "x", "user": null}'),
  (4, '{"n": "4", "tags": []}'),
  (5, '[1, 2]'),
  (6, null);
select id from jp_docs where doc @? '$.tags[*] ? (@ == "x")' order by id;
select id from jp_docs where doc @? 'strict $.tags[*] ? (@ == "x")' order by id;
select id from jp_docs where doc @@ '$.n > 1' order by id;
select id, doc @@ '$.n > 1' as gt1 from jp_docs order by id;
select id from jp_docs where doc @? '$.user.age' order by id;
select id from jp_docs where jsonb_path_exists(doc, '$ ? (@.n >= $lo)', '{"lo": 2}') order by id;
select id, jsonb_path_query_array(doc, '$.tags') as tags from jp_docs order by id;
select id, jsonb_path_query_first(doc, '$.user.name') as name from jp_docs order by id;
select id, v from jp_docs, jsonb_path_query(doc, '$.tags[*]') as v order by id, v;
select id, jsonb_path_query(doc, '$.n.type()') from jp_docs order by id;
select id from jp_docs where jsonb_path_match(doc, 'exists($.user ? (@.name starts with "b"))') order by id;
select count(*) from jp_docs where doc @? '$.**';
drop table jp_docs;
