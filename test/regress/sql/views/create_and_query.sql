-- CREATE [OR REPLACE] VIEW, reading through views, views over views, and what a view fixes at
-- creation: its columns (a * does not grow with its table) and the names it resolved.
CREATE TABLE accounts (id int PRIMARY KEY, owner text NOT NULL, balance numeric(12,2), opened date);
INSERT INTO accounts VALUES (1, 'ann', 100.50, '2024-01-05'), (2, 'bob', -20, '2024-02-01'), (3, 'cy', 0, NULL);

CREATE VIEW all_accounts AS SELECT * FROM accounts;
CREATE VIEW overdrawn AS SELECT id, owner, balance FROM accounts WHERE balance < 0;
CREATE VIEW totals (owners, total) AS SELECT count(*), sum(balance) FROM accounts;
CREATE VIEW labelled AS SELECT id, upper(owner) AS who, 'note' AS note, NULL AS nothing, 1.5 AS factor FROM accounts;
SELECT * FROM all_accounts ORDER BY id;
SELECT * FROM overdrawn;
SELECT * FROM totals;
SELECT * FROM labelled ORDER BY id;
\d all_accounts
\d labelled
\d totals

-- Views over views, joins, aliases, filters on top, aggregates over a view.
CREATE VIEW rich AS SELECT a.owner, a.balance FROM all_accounts a WHERE a.balance > 50;
SELECT * FROM rich;
SELECT r.owner, o.owner AS other FROM rich r, overdrawn o;
SELECT count(*) FILTER (WHERE balance >= 0) AS positive FROM all_accounts;
SELECT v.* FROM all_accounts AS v(i, o) WHERE i = 2;
SELECT * FROM (SELECT owner FROM rich) s;
SELECT owner FROM accounts WHERE id IN (SELECT id FROM overdrawn);
WITH w AS (SELECT * FROM overdrawn) SELECT owner FROM w;

-- A * in the view is written out when it is made: new columns do not appear.
ALTER TABLE accounts ADD COLUMN branch text DEFAULT 'main';
SELECT * FROM all_accounts ORDER BY id;
SELECT * FROM accounts ORDER BY id;

-- The names a view resolved stay resolved whatever search_path says later.
CREATE SCHEMA other;
CREATE TABLE other.accounts (id int, owner text);
INSERT INTO other.accounts VALUES (99, 'elsewhere');
SET search_path = other, public;
SELECT owner FROM overdrawn;
CREATE VIEW public.local_accounts AS SELECT owner FROM accounts;
RESET search_path;
SELECT * FROM local_accounts;
SELECT * FROM other.accounts;

-- OR REPLACE: same leading columns, more may follow.
CREATE OR REPLACE VIEW overdrawn AS SELECT id, owner, balance, opened FROM accounts WHERE balance <= 0;
SELECT * FROM overdrawn ORDER BY id;
\d overdrawn

-- Options and CHECK OPTION are kept as reloptions.
CREATE VIEW guarded WITH (security_barrier) AS SELECT id, owner FROM accounts WHERE id > 1;
CREATE VIEW invoked WITH (security_barrier = false, security_invoker = true) AS SELECT id FROM accounts WITH LOCAL CHECK OPTION;
CREATE VIEW cascaded_check AS SELECT id FROM accounts WITH CHECK OPTION;
SELECT relname, relkind, reloptions, relhasrules FROM pg_class WHERE relname IN ('guarded', 'invoked', 'cascaded_check') ORDER BY relname;

-- Views are listed where tools look for them.
SELECT schemaname, viewname, viewowner FROM pg_views WHERE schemaname = 'public' ORDER BY viewname;
SELECT table_name, check_option FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name;
SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name;
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'labelled' ORDER BY ordinal_position;
SELECT attname, atttypid::regtype FROM pg_attribute WHERE attrelid = 'totals'::regclass ORDER BY attnum;
SELECT rulename, ev_type, is_instead FROM pg_rewrite WHERE ev_class = 'guarded'::regclass;
SELECT 'guarded'::regclass, pg_relation_size('guarded'), pg_table_is_visible('guarded'::regclass);
\dv

-- Comments and owners, as pg_dump restores them.
COMMENT ON VIEW guarded IS 'ids above one';
COMMENT ON COLUMN guarded.owner IS 'who holds it';
SELECT obj_description('guarded'::regclass, 'pg_class'), col_description('guarded'::regclass, 2);
ALTER VIEW guarded OWNER TO postgres;
ALTER TABLE guarded OWNER TO postgres;
COMMENT ON TABLE guarded IS 'not a table';
COMMENT ON VIEW accounts IS 'not a view';
ALTER VIEW accounts OWNER TO postgres;
-- VALUES as a view's query, and set operations.
CREATE VIEW constants (n, word) AS VALUES (1, 'one'), (2, 'two');
CREATE VIEW everyone AS SELECT owner FROM accounts UNION SELECT 'nobody' ORDER BY 1;
SELECT * FROM constants;
SELECT * FROM everyone;

-- ALTER VIEW SET / RESET of its options.
create table ao (a int);
create view aov as select a from ao;
alter view aov set (security_barrier = true, check_option = local);
select reloptions from pg_class where relname = 'aov';
insert into aov values (1);
alter view aov set (check_option = cascaded);
select reloptions from pg_class where relname = 'aov';
alter view aov reset (security_barrier);
select reloptions from pg_class where relname = 'aov';
alter view aov set (foo = 1);
alter view aov reset (foo);
alter view aov set (check_option = nope);
alter table aov set (security_invoker);
select reloptions from pg_class where relname = 'aov';
alter view aov reset (check_option, security_invoker);
select reloptions from pg_class where relname = 'aov';
