-- pg_constraint, pg_attrdef and the deparsers psql and pg_dump print them with:
-- pg_get_constraintdef, pg_get_expr, pg_get_indexdef.
CREATE TABLE users (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name varchar(40) DEFAULT 'anon',
  status varchar(20) DEFAULT 'pending' CHECK (status IN ('pending', 'active')),
  score int DEFAULT 0 CHECK (score >= 0),
  progress int CHECK (progress BETWEEN 0 AND 100),
  joined timestamptz DEFAULT now(),
  active boolean DEFAULT true,
  tags text[] DEFAULT '{}',
  flags jsonb DEFAULT '{}'::jsonb
);
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  user_id int NOT NULL REFERENCES users ON DELETE CASCADE,
  email text REFERENCES users (email) ON UPDATE CASCADE ON DELETE SET NULL,
  total numeric(10,2) CHECK (total > 0),
  UNIQUE (user_id, id)
);
CREATE INDEX orders_total_idx ON orders (total DESC NULLS LAST, id);
CREATE INDEX users_lower_email ON users (lower(email));
CREATE INDEX users_active_idx ON users (joined) WHERE active;
CREATE INDEX users_name_pattern ON users (name varchar_pattern_ops);
CREATE INDEX users_email_pattern ON users (email text_pattern_ops);

SELECT conrelid::regclass, conname, contype, conkey, confrelid::regclass, confkey, confupdtype, confdeltype, confmatchtype,
       conindid <> 0 AS has_index, pg_get_constraintdef(oid), pg_get_constraintdef(oid, true)
FROM pg_constraint WHERE conrelid IN ('users'::regclass, 'orders'::regclass) ORDER BY 1::text, 2;
SELECT adrelid::regclass, a.attname, pg_get_expr(d.adbin, d.adrelid), pg_get_expr(d.adbin, d.adrelid, true)
FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
WHERE adrelid IN ('users'::regclass, 'orders'::regclass) ORDER BY 1::text, d.adnum;
SELECT indexrelid::regclass, pg_get_indexdef(indexrelid), pg_get_indexdef(indexrelid, 0, true), pg_get_indexdef(indexrelid, 1, true)
FROM pg_index WHERE indrelid IN ('users'::regclass, 'orders'::regclass) ORDER BY 1::text;
SELECT * FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname;
CREATE SEQUENCE ticket_seq START 100 INCREMENT 5 MAXVALUE 1000 CYCLE;
SELECT * FROM pg_sequences ORDER BY sequencename;
SELECT nextval('ticket_seq'), nextval('ticket_seq');
INSERT INTO users (email) VALUES ('a@x');
SELECT sequencename, last_value FROM pg_sequences ORDER BY sequencename;
SELECT count(*) FROM pg_views WHERE schemaname = 'public';
SELECT count(*) FROM pg_matviews;
-- operator classes in CREATE INDEX
CREATE INDEX bad1 ON users (score text_pattern_ops);
CREATE INDEX bad2 ON users (email nosuch_ops);
CREATE INDEX ok1 ON users (email text_ops);
SELECT email FROM users WHERE email LIKE 'a%';
-- pg_get_serial_sequence and pg_size_pretty
SELECT pg_get_serial_sequence('users', 'id'), pg_get_serial_sequence('public.orders', 'id'), pg_get_serial_sequence('users', 'email');
SELECT pg_get_serial_sequence('"users"', 'id'), pg_get_serial_sequence('USERS', 'id');
SELECT pg_get_serial_sequence('users', 'ID');
SELECT pg_get_serial_sequence('nosuch', 'id');
SELECT pg_size_pretty(x), pg_size_pretty(-x), pg_size_pretty(x::numeric)
FROM unnest(ARRAY[0, 1, 10239, 10240, 10751, 10752, 20971007, 20971008, 1073741824, 9223372036854775807]::bigint[]) x;
-- relation sizes come from storage: they grow with the data (the figures differ from
-- PostgreSQL's, so only their relations are shown)
INSERT INTO users (email) SELECT 'user' || g || '@example.com' FROM generate_series(1, 2000) g;
SELECT pg_relation_size('users') > 0 AS has_data, pg_indexes_size('users') > 0 AS has_indexes,
       pg_total_relation_size('users') = pg_table_size('users') + pg_indexes_size('users') AS total_adds_up,
       pg_relation_size('users_email_key') > 0 AS index_has_data;
SELECT pg_relation_size(0), pg_total_relation_size(0), pg_indexes_size(0);
SELECT pg_relation_size('users', 'nosuch');
SELECT pg_database_size(current_database()) > 0, pg_database_size('nosuch_db');
SELECT pg_size_pretty(pg_total_relation_size('users')) ~ '^[0-9]+ (bytes|kB|MB)$';
