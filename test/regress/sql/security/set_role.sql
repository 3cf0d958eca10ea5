-- SET ROLE / RESET ROLE / SET LOCAL ROLE / SET SESSION AUTHORIZATION and the current_user, session_user, role settings
CREATE ROLE regress_a;
CREATE ROLE regress_b;
CREATE ROLE regress_grp;
CREATE ROLE regress_inh INHERIT;
CREATE ROLE regress_noinh NOINHERIT;
CREATE ROLE regress_su SUPERUSER;
GRANT regress_grp TO regress_a, regress_inh, regress_noinh;
CREATE TABLE regress_secret (id int);
INSERT INTO regress_secret VALUES (1), (2);
GRANT SELECT ON regress_secret TO regress_grp;
SELECT current_user, session_user, current_role;
SHOW role;
SHOW is_superuser;
SHOW session_authorization;
-- SET ROLE switches current_user only
SET ROLE regress_a;
SELECT current_user, session_user, current_role;
SHOW role;
SHOW is_superuser;
SELECT current_setting('role'), current_setting('is_superuser');
-- with a superuser session user any role can be set, member or not
SET ROLE regress_b;
SELECT current_user;
SET ROLE 'regress_su';
SHOW is_superuser;
SET ROLE NONE;
SELECT current_user, session_user;
SHOW role;
SET ROLE regress_a;
RESET ROLE;
SELECT current_user;
-- missing role: invalid_parameter_value (22023), not 42704
SET ROLE regress_nope;
SELECT current_user;
-- SET LOCAL ROLE lasts until the end of the transaction
BEGIN;
SET LOCAL ROLE regress_a;
SELECT current_user;
COMMIT;
SELECT current_user;
-- a plain SET ROLE is rolled back with its transaction, kept on commit
BEGIN;
SET ROLE regress_a;
SELECT current_user;
ROLLBACK;
SELECT current_user;
BEGIN;
SET ROLE regress_b;
COMMIT;
SELECT current_user;
RESET ROLE;
BEGIN;
SET ROLE regress_a;
SAVEPOINT sp;
SET ROLE regress_b;
SELECT current_user;
ROLLBACK TO sp;
SELECT current_user;
COMMIT;
SELECT current_user;
RESET ROLE;
-- SET SESSION AUTHORIZATION changes session_user as well
SET SESSION AUTHORIZATION regress_a;
SELECT current_user, session_user, current_role;
SHOW session_authorization;
SHOW is_superuser;
-- now the session user is not a superuser: only member roles can be set (42501)
SET ROLE regress_b;
SET ROLE regress_su;
SET ROLE regress_grp;
SELECT current_user, session_user;
SELECT count(*) FROM regress_secret;
SET ROLE NONE;
SELECT current_user;
RESET SESSION AUTHORIZATION;
SELECT current_user, session_user;
SHOW role;
-- SET SESSION AUTHORIZATION resets an active SET ROLE
SET ROLE regress_b;
SET SESSION AUTHORIZATION regress_a;
SELECT current_user, session_user;
SHOW role;
SET SESSION AUTHORIZATION DEFAULT;
SELECT current_user, session_user;
-- a rolled back transaction restores the session user; so does an aborted one for SET ROLE
BEGIN;
SET SESSION AUTHORIZATION regress_b;
SELECT session_user;
ROLLBACK;
SELECT current_user, session_user;
BEGIN;
SET ROLE regress_a;
SELECT 1 / 0;
ROLLBACK;
SELECT current_user;
-- the authenticated user is still a superuser, so SET SESSION AUTHORIZATION may switch again
SET SESSION AUTHORIZATION regress_a;
SET SESSION AUTHORIZATION regress_b;
SELECT current_user, session_user;
RESET SESSION AUTHORIZATION;
-- INHERIT vs NOINHERIT: SET ROLE works for both members, privileges only flow with INHERIT
SET SESSION AUTHORIZATION regress_inh;
SELECT count(*) FROM regress_secret;
SET ROLE regress_grp;
SELECT current_user, count(*) FROM regress_secret GROUP BY 1;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION regress_noinh;
SELECT count(*) FROM regress_secret;
SET ROLE regress_grp;
SELECT current_user, count(*) FROM regress_secret GROUP BY 1;
SET ROLE regress_a;
RESET SESSION AUTHORIZATION;
-- set_config('role', ...) behaves like SET ROLE
SELECT set_config('role', 'regress_b', false);
SELECT current_user;
SELECT set_config('role', 'none', false);
SELECT current_user;
RESET ROLE;
DROP TABLE regress_secret;
DROP ROLE regress_a, regress_b, regress_grp, regress_inh, regress_noinh, regress_su;
