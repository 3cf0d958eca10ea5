-- Row-level security through views (owner's vs security_invoker), SQL/plpgsql functions (invoker and SECURITY DEFINER), subqueries/CTEs/LATERAL/UNION, and partitioned tables
CREATE ROLE regress_owner;
CREATE ROLE regress_app;
CREATE ROLE regress_viewer;
CREATE ROLE regress_definer;
GRANT CREATE ON SCHEMA public TO regress_owner, regress_viewer, regress_definer;

SET ROLE regress_owner;
CREATE TABLE docs (id int PRIMARY KEY, tenant int NOT NULL, author name NOT NULL, body text);
INSERT INTO docs VALUES
  (1, 1, 'regress_app', 'a1'), (2, 1, 'regress_viewer', 'a2'), (3, 2, 'regress_app', 'b1'),
  (4, 2, 'regress_definer', 'b2'), (5, 3, 'regress_viewer', 'c1'), (6, 3, 'regress_definer', 'c2');
CREATE TABLE comments (id int PRIMARY KEY, doc_id int NOT NULL, tenant int NOT NULL, txt text);
INSERT INTO comments VALUES (1, 1, 1, 'nice'), (2, 1, 1, 'agreed'), (3, 3, 2, 'hmm'), (4, 5, 3, 'ok'), (5, 2, 2, 'foreign');
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE comments ENABLE ROW LEVEL SECURITY;
-- every command: the tenant in app.tenant; reading also: rows one wrote; regress_viewer also reads tenant 3
CREATE POLICY p_tenant ON docs USING (tenant = current_setting('app.tenant', true)::int);
CREATE POLICY p_author ON docs FOR SELECT USING (author = current_user);
CREATE POLICY p_viewer ON docs FOR SELECT TO regress_viewer USING (tenant = 3);
CREATE POLICY p_tenant ON comments USING (tenant = current_setting('app.tenant', true)::int);
GRANT SELECT, INSERT, UPDATE, DELETE ON docs, comments TO regress_app, regress_viewer, regress_definer;
RESET ROLE;
SET app.tenant = '1';

-- direct access, for reference: tenant 1 plus the rows each role wrote
SET ROLE regress_app;
SELECT id, tenant, author FROM docs ORDER BY id;
RESET ROLE;
SET ROLE regress_viewer;
SELECT id, tenant, author FROM docs ORDER BY id;
RESET ROLE;

-- ===== views
-- a view owned by the table owner: its relations are checked as the owner, who is exempt from RLS
SET ROLE regress_owner;
CREATE VIEW v_owner AS SELECT id, tenant, author, body FROM docs;
CREATE VIEW v_invoker WITH (security_invoker = true) AS SELECT id, tenant, author, body FROM docs;
CREATE VIEW v_noaccess AS SELECT id FROM docs;
GRANT SELECT, INSERT, UPDATE, DELETE ON v_owner, v_invoker TO regress_app;
GRANT SELECT ON v_owner TO regress_viewer;
RESET ROLE;
SELECT relname, relowner::regrole, reloptions FROM pg_class WHERE relname LIKE 'v\_%' ORDER BY relname;
SET ROLE regress_app;
SELECT id, tenant, author FROM v_owner ORDER BY id;
-- security_invoker: the app's own policies apply
SELECT id, tenant, author FROM v_invoker ORDER BY id;
-- no SELECT on the view (42501)
SELECT * FROM v_noaccess;
RESET ROLE;
-- ALTER VIEW ... SET (security_invoker) switches it for the next query
ALTER VIEW v_owner SET (security_invoker = true);
SET ROLE regress_app;
SELECT id FROM v_owner ORDER BY id;
RESET ROLE;
ALTER VIEW v_owner RESET (security_invoker);
SET ROLE regress_app;
SELECT id FROM v_owner ORDER BY id;
RESET ROLE;

-- a view owned by another non-owner role: that role's policies apply (p_viewer too), while
-- current_user in a policy is still the querying role
SET ROLE regress_viewer;
CREATE VIEW v_viewer AS SELECT id, tenant, author FROM docs;
GRANT SELECT, UPDATE, DELETE ON v_viewer TO regress_app;
-- a view over the owner's view: docs is reached through v_owner, checked as regress_owner
CREATE VIEW v_nested AS SELECT id, author FROM v_owner WHERE tenant <> 2;
GRANT SELECT ON v_nested TO regress_app;
RESET ROLE;
SET ROLE regress_app;
SELECT id, tenant, author FROM v_viewer ORDER BY id;
SELECT id, author FROM v_nested ORDER BY id;
RESET ROLE;

-- the view owner lacks SELECT on the base table: the error names the table
CREATE TABLE secret (id int, s text);
INSERT INTO secret VALUES (1, 'top');
SET ROLE regress_viewer;
CREATE VIEW v_secret AS SELECT id, s FROM secret;
CREATE VIEW v_secret_inv WITH (security_invoker = true) AS SELECT id, s FROM secret;
GRANT SELECT ON v_secret, v_secret_inv TO regress_app;
SELECT * FROM v_secret;
RESET ROLE;
SET ROLE regress_app;
SELECT * FROM v_secret;
SELECT * FROM v_secret_inv;
RESET ROLE;
-- granting the view owner SELECT on the table makes v_secret work for the app, not v_secret_inv
GRANT SELECT ON secret TO regress_viewer;
SET ROLE regress_app;
SELECT * FROM v_secret;
SELECT * FROM v_secret_inv;
RESET ROLE;

-- DML through auto-updatable views under RLS
SET ROLE regress_app;
BEGIN;
-- v_owner: checked as the exempt owner, every row can be changed
WITH u AS (UPDATE v_owner SET body = body || '!' WHERE tenant <> 1 RETURNING id, body) SELECT * FROM u ORDER BY id;
INSERT INTO v_owner VALUES (7, 3, 'regress_app', 'c3 via owner view') RETURNING id, tenant;
DELETE FROM v_owner WHERE id = 6 RETURNING id;
ROLLBACK;
BEGIN;
-- v_invoker: the app's policies apply; UPDATE/DELETE are limited to p_tenant (the FOR ALL policy)
WITH u AS (UPDATE v_invoker SET body = upper(body) RETURNING id, body) SELECT * FROM u ORDER BY id;
DELETE FROM v_invoker WHERE id = 3 RETURNING id;
DELETE FROM v_invoker WHERE author = 'regress_app' RETURNING id;
INSERT INTO v_invoker VALUES (8, 1, 'regress_app', 'a3') RETURNING id;
SELECT id, tenant, body FROM v_invoker ORDER BY id;
ROLLBACK;
-- new rows must pass the app's WITH CHECK (42501)
INSERT INTO v_invoker VALUES (9, 2, 'regress_app', 'b3');
UPDATE v_invoker SET tenant = 2 WHERE id = 2;
BEGIN;
-- v_viewer: regress_viewer's policies; the UPDATE/DELETE policy is still p_tenant only
WITH u AS (UPDATE v_viewer SET author = author WHERE id IN (1, 2, 5) RETURNING id) SELECT * FROM u ORDER BY id;
DELETE FROM v_viewer WHERE id = 5 RETURNING id;
-- no INSERT privilege on v_viewer (42501)
INSERT INTO v_viewer VALUES (10, 1, 'regress_app');
ROLLBACK;
RESET ROLE;

-- a leaky function in a WHERE clause sees only rows the policies let through
CREATE FUNCTION f_leak(text) RETURNS bool LANGUAGE plpgsql COST 0.0000001 AS $$
BEGIN RAISE NOTICE 'f_leak => %', $1; RETURN true; END $$;
SET ROLE regress_app;
SET app.tenant = '2';
SELECT id, body FROM docs WHERE f_leak(body) ORDER BY id;
SET app.tenant = '1';
RESET ROLE;

-- ===== functions
CREATE FUNCTION f_invoker_sql() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT current_user || ': ' || string_agg(id::text, ',' ORDER BY id) FROM docs $$;
CREATE FUNCTION f_invoker_plpgsql() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  SELECT string_agg(id::text, ',' ORDER BY id) INTO r FROM docs;
  RETURN current_user || ': ' || r;
END $$;
CREATE FUNCTION f_definer_super() RETURNS text LANGUAGE sql SECURITY DEFINER
  AS $$ SELECT current_user || '/' || session_user || ': ' || string_agg(id::text, ',' ORDER BY id) FROM docs $$;
SET ROLE regress_owner;
CREATE FUNCTION f_definer_owner() RETURNS text LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN RETURN current_user || ': ' || (SELECT string_agg(id::text, ',' ORDER BY id) FROM docs); END $$;
RESET ROLE;
SET ROLE regress_definer;
CREATE FUNCTION f_definer_role() RETURNS text LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN RETURN current_user || ': ' || (SELECT string_agg(id::text, ',' ORDER BY id) FROM docs); END $$;
CREATE FUNCTION f_definer_secret() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $$ SELECT count(*) FROM secret $$;
CREATE FUNCTION f_definer_touch() RETURNS SETOF int LANGUAGE sql SECURITY DEFINER
  AS $$ UPDATE docs SET body = body WHERE true RETURNING id $$;
CREATE FUNCTION f_whoami() RETURNS text LANGUAGE sql SECURITY DEFINER AS $$ SELECT current_user::text $$;
RESET ROLE;
SELECT proname, prosecdef, proowner::regrole FROM pg_proc WHERE proname LIKE 'f\_%' ORDER BY proname;
SET ROLE regress_app;
SELECT f_invoker_sql();
SELECT f_invoker_plpgsql();
SELECT f_definer_super();
SELECT f_definer_owner();
SELECT f_definer_role();
-- the definer lacks SELECT on secret (42501)
SELECT f_definer_secret();
SELECT f_definer_touch() ORDER BY 1;
SELECT current_user, f_whoami(), current_user;
SELECT id, f_whoami() FROM docs ORDER BY id;
RESET ROLE;
-- the same functions under another role and another tenant (kept plans must follow)
SET ROLE regress_viewer;
SET app.tenant = '2';
SELECT f_invoker_sql();
SELECT f_invoker_plpgsql();
SELECT f_definer_role();
RESET ROLE;
SET ROLE regress_app;
SELECT f_invoker_plpgsql();
SET app.tenant = '1';
SELECT f_invoker_plpgsql();
SELECT f_definer_role();
RESET ROLE;
-- as the superuser: invoker functions see all, the non-superuser definer still has its policies
SELECT f_invoker_sql();
SELECT f_definer_role();

-- ===== subqueries, CTEs, EXISTS, IN, LATERAL, UNION over RLS tables (tenant 1, as the app)
SET ROLE regress_app;
SELECT id FROM docs WHERE id IN (SELECT doc_id FROM comments) ORDER BY id;
SELECT id FROM docs d WHERE EXISTS (SELECT 1 FROM comments c WHERE c.doc_id = d.id) ORDER BY id;
SELECT id FROM docs d WHERE NOT EXISTS (SELECT 1 FROM comments c WHERE c.doc_id = d.id) ORDER BY id;
SELECT id, (SELECT count(*) FROM comments c WHERE c.doc_id = d.id) AS n FROM docs d ORDER BY id;
SELECT (SELECT count(*) FROM docs) AS docs, (SELECT count(*) FROM comments) AS comments;
WITH mine AS (SELECT id, tenant FROM docs), notes AS (SELECT doc_id, txt FROM comments)
  SELECT m.id, m.tenant, n.txt FROM mine m LEFT JOIN notes n ON n.doc_id = m.id ORDER BY m.id, n.txt;
WITH RECURSIVE r(n) AS (SELECT min(id) FROM docs UNION ALL SELECT n + 1 FROM r WHERE n < (SELECT max(id) FROM docs))
  SELECT n, EXISTS (SELECT 1 FROM docs WHERE id = n) AS visible FROM r ORDER BY n;
SELECT d.id, c.txt FROM docs d, LATERAL (SELECT txt FROM comments c WHERE c.doc_id = d.id ORDER BY txt LIMIT 1) c ORDER BY d.id;
SELECT d.id, c.n FROM docs d LEFT JOIN LATERAL (SELECT count(*) AS n FROM comments c WHERE c.doc_id = d.id) c ON true ORDER BY d.id;
SELECT id FROM docs UNION SELECT doc_id FROM comments ORDER BY 1;
SELECT tenant FROM docs UNION ALL SELECT tenant FROM comments ORDER BY 1;
SELECT id FROM docs EXCEPT SELECT doc_id FROM comments ORDER BY 1;
SELECT id FROM docs INTERSECT SELECT doc_id FROM comments ORDER BY 1;
SELECT id FROM (SELECT * FROM docs WHERE tenant = 2) s ORDER BY id;
SELECT id FROM docs WHERE id = ANY (ARRAY(SELECT doc_id FROM comments)) ORDER BY id;
-- a subquery in a DML statement reads through the policies too
BEGIN;
WITH u AS (UPDATE comments SET txt = txt || '?' WHERE doc_id IN (SELECT id FROM docs WHERE author = 'regress_app') RETURNING id, txt)
  SELECT * FROM u ORDER BY id;
DELETE FROM comments WHERE NOT EXISTS (SELECT 1 FROM docs WHERE docs.id = comments.doc_id) RETURNING id;
INSERT INTO comments SELECT 10 + id, id, 1, 'copied' FROM docs WHERE tenant = 1 RETURNING id, doc_id;
INSERT INTO comments SELECT 20 + id, id, tenant, 'copied' FROM docs WHERE tenant = 2;
ROLLBACK;
RESET ROLE;

-- ===== a partitioned table
SET ROLE regress_owner;
CREATE TABLE parts (id int, tenant int NOT NULL, v text) PARTITION BY LIST (tenant);
CREATE TABLE parts_1 PARTITION OF parts FOR VALUES IN (1);
CREATE TABLE parts_2 PARTITION OF parts FOR VALUES IN (2);
CREATE TABLE parts_3 PARTITION OF parts FOR VALUES IN (3);
INSERT INTO parts VALUES (1, 1, 'visible'), (2, 1, 'hidden'), (3, 2, 'visible'), (4, 2, 'hidden'), (5, 3, 'visible'), (6, 3, 'hidden');
-- the parent: tenant isolation; parts_1: no RLS; parts_2: RLS, no policy; parts_3: its own policy
ALTER TABLE parts ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_tenant ON parts USING (tenant = current_setting('app.tenant', true)::int);
ALTER TABLE parts_2 ENABLE ROW LEVEL SECURITY;
ALTER TABLE parts_3 ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_visible ON parts_3 USING (v = 'visible');
GRANT SELECT, INSERT, UPDATE, DELETE ON parts, parts_1, parts_2, parts_3 TO regress_app;
RESET ROLE;
SELECT relname, relkind, relrowsecurity FROM pg_class WHERE relname LIKE 'parts%' ORDER BY relname;
SET ROLE regress_app;
SET app.tenant = '2';
-- through the parent only the parent's policies count
SELECT tableoid::regclass, id, tenant, v FROM parts ORDER BY id;
SELECT count(*) FROM parts WHERE tenant = 1;
-- a partition queried directly has its own setting
SELECT id, v FROM parts_1 ORDER BY id;
SELECT id, v FROM parts_2 ORDER BY id;
SELECT id, v FROM parts_3 ORDER BY id;
BEGIN;
-- routed to parts_2, whose own RLS (no policy) is not consulted through the parent
INSERT INTO parts VALUES (7, 2, 'new') RETURNING tableoid::regclass, id;
WITH u AS (UPDATE parts SET v = v || '+' RETURNING id, v) SELECT * FROM u ORDER BY id;
ROLLBACK;
INSERT INTO parts VALUES (8, 3, 'visible');
-- moving a row to another partition needs the new row to pass WITH CHECK too
UPDATE parts SET tenant = 3 WHERE id = 3;
BEGIN;
INSERT INTO parts_1 VALUES (9, 1, 'direct') RETURNING id;
INSERT INTO parts_3 VALUES (11, 3, 'visible') RETURNING id;
UPDATE parts_2 SET v = 'x' RETURNING id;
WITH d AS (DELETE FROM parts_3 RETURNING id) SELECT * FROM d ORDER BY id;
ROLLBACK;
INSERT INTO parts_2 VALUES (10, 2, 'direct');
INSERT INTO parts_3 VALUES (12, 3, 'hidden');
RESET ROLE;
-- privileges on the partitions are not checked through the parent
REVOKE ALL ON parts_2 FROM regress_app;
SET ROLE regress_app;
SELECT count(*) FROM parts;
SELECT count(*) FROM parts_2;
RESET ROLE;
-- the owner sees everything through the parent and every partition
SET ROLE regress_owner;
SELECT tableoid::regclass, count(*) FROM parts GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM parts_2;
RESET ROLE;
RESET app.tenant;

DROP VIEW v_nested, v_viewer, v_secret, v_secret_inv;
DROP VIEW v_owner, v_invoker, v_noaccess;
DROP FUNCTION f_leak(text), f_invoker_sql(), f_invoker_plpgsql(), f_definer_super(), f_definer_owner(),
  f_definer_role(), f_definer_secret(), f_definer_touch(), f_whoami();
DROP TABLE docs, comments, secret, parts;
REVOKE CREATE ON SCHEMA public FROM regress_owner, regress_viewer, regress_definer;
DROP ROLE regress_owner, regress_app, regress_viewer, regress_definer;
