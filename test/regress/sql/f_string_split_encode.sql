-- string_to_array, array_to_string, encode/decode, starts_with
SELECT string_to_array('a,b,c', ','), string_to_array('a,,c', ',', ''), string_to_array('abc', NULL), string_to_array('', ','), string_to_array('a b', ' ');
SELECT array_to_string(ARRAY[1, NULL, 3], '-'), array_to_string(ARRAY[1, NULL, 3], '-', '?'), array_to_string('{}'::int[], ',');
SELECT encode('\x00ff'::bytea, 'hex'), encode('abc'::bytea, 'base64'), encode('a\\b'::bytea, 'escape'), decode('YWJj', 'base64'), decode('00ff', 'hex');
SELECT starts_with('postgres', 'post'), starts_with('postgres', 'gres'), starts_with('', '');
-- errors
SELECT encode('a'::bytea, 'rot13');
SELECT decode('zz', 'hex');
