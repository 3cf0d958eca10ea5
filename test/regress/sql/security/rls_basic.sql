-- Row-level security basics: ENABLE/FORCE/DISABLE, policies by command, role, PERMISSIVE/RESTRICTIVE, WITH CHECK, exemptions, pg_policies
CREATE ROLE regress_rls_owner;
CREATE ROLE regress_alice;
CREATE ROLE regress_bob;
CREATE ROLE regress_bypass BYPASSRLS;
CREATE TABLE t (id int PRIMARY KEY, tenant_id int NOT NULL, owner_name name NOT NULL, data text);
ALTER TABLE t OWNER TO regress_rls_owner;
INSERT INTO t VALUES (1, 1, 'regress_alice', 'a1'), (2, 1, 'regress_alice', 'a2'),
  (3, 2, 'regress_bob', 'b1'), (4, 2, 'regress_bob', 'b2'), (5, 3, 'nobody', 'n1');
GRANT SELECT, INSERT, UPDATE, DELETE ON t TO regress_alice, regress_bob, regress_bypass;
SET ROLE regress_rls_owner;
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
RESET ROLE;
SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 't';
-- no policies: default deny for everyone subject to RLS
SET ROLE regress_alice;
SELECT * FROM t ORDER BY id;
INSERT INTO t VALUES (6, 1, 'regress_alice', 'a3');
UPDATE t SET data = 'x' RETURNING id;
DELETE FROM t RETURNING id;
RESET ROLE;
-- superuser, owner and BYPASSRLS roles are exempt
SELECT count(*) FROM t;
SET ROLE regress_rls_owner;
SELECT count(*) FROM t;
RESET ROLE;
SET ROLE regress_bypass;
SELECT count(*) FROM t;
RESET ROLE;
-- a non-owner cannot create policies (42501)
SET ROLE regress_alice;
CREATE POLICY p_own ON t USING (owner_name = current_user);
RESET ROLE;
-- FOR ALL TO PUBLIC: USING also serves as WITH CHECK
CREATE POLICY p_own ON t USING (owner_name = current_user);
SET ROLE regress_alice;
SELECT * FROM t ORDER BY id;
INSERT INTO t VALUES (6, 1, 'regress_alice', 'a3');
INSERT INTO t VALUES (7, 2, 'regress_bob', 'forged');
UPDATE t SET data = 'A' WHERE id = 3 RETURNING id;
UPDATE t SET data = upper(data) WHERE id IN (1, 3) RETURNING id, data;
UPDATE t SET owner_name = 'regress_bob' WHERE id = 1;
DELETE FROM t WHERE id = 4 RETURNING id;
DELETE FROM t WHERE id = 6 RETURNING id;
RESET ROLE;
SET ROLE regress_bob;
SELECT * FROM t ORDER BY id;
RESET ROLE;
-- command- and role-specific permissive policies are OR-ed with p_own
CREATE POLICY p_ins ON t FOR INSERT TO regress_bob WITH CHECK (tenant_id = 2);
CREATE POLICY p_sel ON t FOR SELECT TO regress_bob USING (tenant_id = 1);
CREATE POLICY p_del ON t AS PERMISSIVE FOR DELETE TO regress_bob USING (tenant_id = 1);
SET ROLE regress_bob;
SELECT * FROM t ORDER BY id;
INSERT INTO t VALUES (8, 2, 'nobody', 'by bob');
INSERT INTO t VALUES (9, 2, 'nobody', 'by bob') RETURNING id;
INSERT INTO t VALUES (10, 3, 'nobody', 'by bob');
UPDATE t SET data = 'bob was here' WHERE tenant_id = 1 RETURNING id;
BEGIN;
WITH d AS (DELETE FROM t WHERE tenant_id = 1 RETURNING id) SELECT id FROM d ORDER BY id;
ROLLBACK;
RESET ROLE;
-- a RESTRICTIVE policy is AND-ed with the permissive ones
CREATE POLICY r_visible ON t AS RESTRICTIVE USING (data NOT LIKE 'hidden%');
UPDATE t SET data = 'hidden a2' WHERE id = 2;
SET ROLE regress_alice;
SELECT * FROM t ORDER BY id;
UPDATE t SET data = 'hidden too' WHERE id = 1;
INSERT INTO t VALUES (11, 1, 'regress_alice', 'hidden new');
RESET ROLE;
-- restrictive policies alone allow nothing
CREATE TABLE t_only_restrictive (id int);
INSERT INTO t_only_restrictive VALUES (1), (2);
GRANT SELECT ON t_only_restrictive TO regress_alice;
ALTER TABLE t_only_restrictive ENABLE ROW LEVEL SECURITY;
CREATE POLICY r_only ON t_only_restrictive AS RESTRICTIVE USING (true);
SET ROLE regress_alice;
SELECT * FROM t_only_restrictive;
RESET ROLE;
-- policy DDL errors: duplicate (42710), missing (42704), misplaced clauses (42601)
CREATE POLICY p_own ON t USING (true);
CREATE POLICY p_bad1 ON t FOR INSERT USING (true);
CREATE POLICY p_bad2 ON t FOR SELECT WITH CHECK (true);
CREATE POLICY p_bad3 ON t FOR DELETE USING (true) WITH CHECK (true);
CREATE POLICY p_bad4 ON t TO regress_nope USING (true);
ALTER POLICY p_nope ON t USING (true);
DROP POLICY p_nope ON t;
DROP POLICY IF EXISTS p_nope ON t;
-- ALTER POLICY: rename, new USING, new roles
ALTER POLICY p_sel ON t RENAME TO p_sel_tenant;
ALTER POLICY p_sel_tenant ON t TO regress_alice, regress_bob USING (tenant_id = 3);
ALTER POLICY p_own ON t WITH CHECK (owner_name = current_user AND data IS NOT NULL);
SELECT schemaname, tablename, policyname, permissive, roles, cmd, qual, with_check
  FROM pg_policies WHERE tablename IN ('t', 't_only_restrictive') ORDER BY policyname;
SET ROLE regress_alice;
SELECT id, tenant_id FROM t ORDER BY id;
INSERT INTO t VALUES (12, 1, 'regress_alice', NULL);
RESET ROLE;
-- FORCE ROW LEVEL SECURITY subjects the owner too, never a superuser
ALTER TABLE t FORCE ROW LEVEL SECURITY;
SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 't';
SET ROLE regress_rls_owner;
SELECT id FROM t ORDER BY id;
RESET ROLE;
SELECT count(*) FROM t;
-- row_security = off errors for a subject role (42501), the owner under FORCE included; BYPASSRLS is fine
SET row_security = off;
SET ROLE regress_alice;
SELECT * FROM t;
RESET ROLE;
SET ROLE regress_rls_owner;
SELECT count(*) FROM t;
RESET ROLE;
SET ROLE regress_bypass;
SELECT count(*) FROM t;
RESET ROLE;
ALTER TABLE t NO FORCE ROW LEVEL SECURITY;
SET ROLE regress_rls_owner;
SELECT count(*) FROM t;
RESET ROLE;
RESET row_security;
-- DROP POLICY and DISABLE ROW LEVEL SECURITY
DROP POLICY p_del ON t;
DROP POLICY IF EXISTS p_ins ON t;
ALTER TABLE t DISABLE ROW LEVEL SECURITY;
SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 't';
SET ROLE regress_alice;
SELECT id FROM t ORDER BY id;
RESET ROLE;
SELECT policyname FROM pg_policies WHERE tablename = 't' ORDER BY 1;
DROP TABLE t, t_only_restrictive;
SELECT count(*) FROM pg_policies WHERE tablename IN ('t', 't_only_restrictive');
DROP ROLE regress_rls_owner, regress_alice, regress_bob, regress_bypass;
