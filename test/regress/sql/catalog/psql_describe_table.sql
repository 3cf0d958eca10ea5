-- psql's \d TABLE and \d+ over tables with every kind of column, constraint and index Tusk has.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
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
  flags jsonb DEFAULT '{}'::jsonb,
  m mood,
  code char(3),
  ratio numeric(5,2),
  uid uuid DEFAULT gen_random_uuid()
);
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id int NOT NULL REFERENCES users ON DELETE CASCADE,
  email text REFERENCES users (email) ON UPDATE CASCADE ON DELETE SET NULL,
  total numeric(10,2) CHECK (total > 0),
  UNIQUE (user_id, id)
);
CREATE INDEX orders_total_idx ON orders (total DESC NULLS LAST, id);
CREATE INDEX users_lower_email ON users (lower(email));
CREATE INDEX users_active_idx ON users (joined) WHERE active;
CREATE INDEX users_name_pattern ON users (name varchar_pattern_ops);
CREATE SCHEMA app;
CREATE TABLE app.items (id int PRIMARY KEY, owner int REFERENCES users);
\d users
\d orders
\d app.items
\d users_pkey
\d orders_total_idx
\d users_id_seq
\d nosuch
