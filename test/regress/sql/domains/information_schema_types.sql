-- information_schema's columns have PostgreSQL's domain types, with PostgreSQL's OIDs.
SELECT oid, typname, typbasetype::regtype, typtypmod, typnotnull, typarray
  FROM pg_type WHERE typnamespace = 'information_schema'::regnamespace AND typtype = 'd' ORDER BY oid;
SELECT oid, conname, contypid::regtype, pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'information_schema'::regnamespace ORDER BY oid;
SELECT a.attname, a.atttypid::regtype, a.atttypid, a.atttypmod, format_type(a.atttypid, a.atttypmod)
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relname = 'columns' AND c.relnamespace = 'information_schema'::regnamespace AND a.attnum > 0
   AND a.attname IN ('table_catalog', 'table_name', 'ordinal_position', 'column_default', 'is_nullable', 'data_type',
                     'character_maximum_length', 'is_identity', 'is_updatable')
 ORDER BY a.attnum;
CREATE TABLE t (a int NOT NULL, b varchar(10));
SELECT column_name, pg_typeof(column_name), ordinal_position, pg_typeof(ordinal_position), is_nullable,
       pg_typeof(is_nullable), data_type, pg_typeof(data_type), character_maximum_length
  FROM information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position;
SELECT table_name, pg_typeof(table_name), table_type, pg_typeof(table_type)
  FROM information_schema.tables WHERE table_name = 't';
-- the domains are usable as types
SELECT 3::information_schema.cardinal_number, 'YES'::information_schema.yes_or_no, 'x'::information_schema.sql_identifier;
SELECT (-1)::information_schema.cardinal_number;
SELECT 'maybe'::information_schema.yes_or_no;
SELECT '2024-01-02 03:04:05.678+00'::information_schema.time_stamp = '2024-01-02 03:04:05.68+00'::timestamptz;
