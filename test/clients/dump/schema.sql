-- A schema with every object kind Tusk has, shaped like the seed applications' tables:
-- dumped from Tusk by pg_dump, loaded into PostgreSQL 15, dumped again and compared.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TYPE task_status AS ENUM ('todo', 'in_progress', 'done', 'it''s "odd"');
CREATE SCHEMA billing;
CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
  slug varchar(64) NOT NULL UNIQUE,
  name text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE users (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  email text NOT NULL,
  display_name varchar(100),
  roles text[] NOT NULL DEFAULT '{}',
  score numeric(10,2) DEFAULT 0 CHECK (score >= 0),
  active boolean NOT NULL DEFAULT true,
  email_domain text GENERATED ALWAYS AS (lower(split_part(email, '@', 2))) STORED,
  UNIQUE (tenant_id, email)
);
CREATE INDEX users_email_pattern ON users (email text_pattern_ops);
CREATE INDEX users_lower_name ON users (lower(display_name)) WHERE active;
CREATE TABLE tasks (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint REFERENCES users(id) ON DELETE SET NULL,
  parent_id integer REFERENCES tasks(id),
  title text NOT NULL CHECK (length(title) > 0),
  status task_status NOT NULL DEFAULT 'todo',
  progress real,
  due date,
  payload bytea
);
CREATE INDEX ON tasks (status, due DESC NULLS LAST);
ALTER TABLE tasks CLUSTER ON tasks_status_due_idx;
CREATE TABLE billing.invoices (
  invoice_no integer PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  amount numeric(12,2) NOT NULL,
  issued timestamp without time zone,
  token text DEFAULT md5(random()::text)
);
CREATE SEQUENCE billing.invoice_seq START 1000 INCREMENT 5;
CREATE TABLE tags (name text, owner bigint, UNIQUE NULLS NOT DISTINCT (name));
CREATE UNIQUE INDEX tags_owner_name ON tags (owner, name) NULLS NOT DISTINCT;
INSERT INTO tenants (id, slug, name, settings) VALUES
  ('00000000-0000-0000-0000-000000000001', 'acme', 'Acme, "Inc."', '{"plan": "pro", "seats": 10}'),
  ('00000000-0000-0000-0000-000000000002', 'tab\and', E'line one\nline two\ttab', '{}');
INSERT INTO users (tenant_id, email, display_name, roles, score) VALUES
  ('00000000-0000-0000-0000-000000000001', 'a@acme.test', 'Ann', '{admin,"with space"}', 12.5),
  ('00000000-0000-0000-0000-000000000001', 'b@acme.test', NULL, '{}', 0),
  ('00000000-0000-0000-0000-000000000002', 'c@tab.test', 'Çé ünï', '{NULL}', 99.99);
INSERT INTO tasks (user_id, title, status, progress, due, payload) VALUES
  (1, 'first', 'done', 1, '2026-01-31', '\x00ff10'),
  (2, 'it''s "odd"', 'it''s "odd"', NULL, NULL, NULL);
INSERT INTO tasks (user_id, parent_id, title) VALUES (1, 1, 'child');
INSERT INTO billing.invoices (invoice_no, tenant_id, amount, issued, token) VALUES
  (1, '00000000-0000-0000-0000-000000000001', 1234.50, '2026-12-01 10:00:00', 'fixed');
SELECT nextval('billing.invoice_seq') AS advanced;
COMMENT ON SCHEMA billing IS 'Money matters';
COMMENT ON TABLE users IS 'People who sign in';
COMMENT ON COLUMN users.email IS 'it''s unique per tenant';
COMMENT ON TYPE task_status IS 'where a task stands';
COMMENT ON INDEX users_email_pattern IS 'LIKE ''prefix%'' lookups';
COMMENT ON CONSTRAINT tasks_title_check ON tasks IS 'no empty titles';
COMMENT ON SEQUENCE billing.invoice_seq IS 'invoice numbers';
CREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');
CREATE DOMAIN positive_qty AS integer NOT NULL DEFAULT 1 CONSTRAINT qty_positive CHECK (VALUE > 0);
CREATE DOMAIN small_qty AS positive_qty CHECK (VALUE < 1000);
CREATE DOMAIN billing.amount AS numeric(12,2) DEFAULT 0 CHECK (VALUE >= 0);
CREATE DOMAIN short_code AS varchar(8) COLLATE "C";
CREATE TABLE billing.lines (
  id serial PRIMARY KEY,
  qty small_qty,
  price billing.amount,
  contact email_address,
  code short_code,
  tags short_code[]
);
INSERT INTO billing.lines (contact, code, tags) VALUES ('ann@example.com', 'A1', '{x,y}');
INSERT INTO billing.lines (qty, price) VALUES (3, 9.99);
CREATE VIEW open_tasks AS
  SELECT t.id, t.title, u.email FROM tasks t JOIN users u ON u.id = t.user_id WHERE t.status <> 'done';
CREATE VIEW billing.line_totals (line, total) AS SELECT id, qty * price FROM billing.lines;
CREATE VIEW open_task_count WITH (security_barrier) AS SELECT count(*) AS n FROM open_tasks;
COMMENT ON VIEW open_tasks IS 'what is left to do';
CREATE MATERIALIZED VIEW task_counts AS SELECT status, count(*) AS n FROM tasks GROUP BY status;
CREATE UNIQUE INDEX task_counts_status ON task_counts (status);
CREATE MATERIALIZED VIEW empty_counts AS SELECT user_id FROM tasks WITH NO DATA;
CREATE FUNCTION task_title(task_id int) RETURNS text LANGUAGE sql STABLE STRICT AS
  $$ SELECT title FROM tasks WHERE id = task_id $$;
CREATE FUNCTION billing.line_cost(qty int, price numeric DEFAULT 1) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT qty * price';
CREATE FUNCTION tasks_of(uid int) RETURNS SETOF tasks LANGUAGE sql AS $$ SELECT * FROM tasks WHERE user_id = uid $$;
CREATE FUNCTION user_counts() RETURNS TABLE(user_id int, n bigint) LANGUAGE sql AS
  $$ SELECT user_id, count(*) FROM tasks GROUP BY user_id $$;
CREATE PROCEDURE close_task(task_id int) LANGUAGE sql AS $$ UPDATE tasks SET status = 'done' WHERE id = task_id $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.title := upper(NEW.title); RETURN NEW; END $$;
CREATE TRIGGER tasks_touch BEFORE INSERT OR UPDATE OF title ON tasks FOR EACH ROW EXECUTE FUNCTION touch();
CREATE TRIGGER tasks_audit AFTER DELETE ON tasks FOR EACH ROW WHEN (old.status = 'done') EXECUTE FUNCTION touch('kept', 42);
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE events_2026_11 PARTITION OF events FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE events_2026_12 PARTITION OF events FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
CREATE TABLE events_rest PARTITION OF events DEFAULT;
CREATE INDEX events_kind ON events (kind);
INSERT INTO events VALUES (1, '2026-11-15', 'a'), (2, '2026-12-07', 'b'), (3, '2025-01-01', 'c');
CREATE TABLE hits (id int, at timestamptz NOT NULL) PARTITION BY RANGE (at) WITH (partition_interval = '1 month', partition_premake = 0);
SELECT count(*) FROM tusk_partition_maintain('hits');
