-- array subscripts, slices and literals
SELECT (ARRAY[10, 20, 30])[1], (ARRAY[10, 20, 30])[3], (ARRAY[10, 20, 30])[0], (ARRAY[10, 20, 30])[2:3], (ARRAY[10, 20, 30])[:2], (ARRAY[10, 20, 30])[2:];
SELECT ('{a,b,c}'::text[])[2], '[0:2]={x,y,z}'::text[], ('[0:2]={x,y,z}'::text[])[0], array_lower('[0:2]={x,y,z}'::text[], 1);
CREATE TABLE arr (id int, tags text[], nums int[]);
INSERT INTO arr VALUES (1, '{a,b}', '{1,2,3}'), (2, '{}', NULL), (3, ARRAY['c'], ARRAY[4]);
SELECT id, tags[1], nums[2], cardinality(tags), array_length(nums, 1) FROM arr ORDER BY id;
SELECT id FROM arr WHERE tags[1] = 'a' OR nums[1] = 4 ORDER BY id;
SELECT array_to_string(tags, '|'), nums || 99 FROM arr ORDER BY id;
-- errors
SELECT (1)[1];
SELECT ('{1,2}'::int[])['x'];
