-- CREATE/ALTER/DROP ROLE and USER attributes, renames, reserved names and what pg_roles/pg_authid show
CREATE ROLE regress_plain;
CREATE USER regress_user1;
CREATE ROLE regress_login LOGIN;
CREATE ROLE regress_super SUPERUSER;
CREATE ROLE regress_creator CREATEDB CREATEROLE;
CREATE ROLE regress_noinh NOINHERIT;
CREATE ROLE regress_bypass BYPASSRLS;
CREATE ROLE regress_limited LOGIN CONNECTION LIMIT 5;
CREATE ROLE regress_expiring LOGIN VALID UNTIL '2030-01-01 00:00:00+00';
CREATE ROLE regress_nopass LOGIN PASSWORD NULL;
CREATE ROLE regress_withpass WITH LOGIN PASSWORD 'secret';
CREATE USER regress_user2 WITH NOLOGIN INHERIT NOCREATEDB NOCREATEROLE NOSUPERUSER NOBYPASSRLS;
SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolbypassrls, rolconnlimit, rolvaliduntil
  FROM pg_roles WHERE rolname LIKE 'regress_%' ORDER BY 1;
-- pg_roles hides the password; pg_authid holds it (SCRAM by default)
SELECT rolname, rolpassword FROM pg_roles WHERE rolname IN ('regress_nopass', 'regress_withpass') ORDER BY 1;
SELECT rolname, rolpassword IS NULL AS no_password, left(rolpassword, 14) AS prefix
  FROM pg_authid WHERE rolname LIKE 'regress_%' ORDER BY 1;
SELECT count(*) FROM pg_authid a JOIN pg_roles r ON r.oid = a.oid WHERE a.rolname LIKE 'regress_%';
-- errors: duplicates (42710), reserved names (42939), conflicting options (42601), bad limit (22023)
CREATE ROLE regress_plain;
CREATE USER regress_user1 LOGIN;
CREATE ROLE pg_foo;
CREATE ROLE public;
CREATE ROLE "public";
CREATE ROLE none;
CREATE ROLE current_user;
CREATE ROLE regress_conflict LOGIN NOLOGIN;
CREATE ROLE regress_badlimit CONNECTION LIMIT -5;
-- ALTER ROLE changes attributes
ALTER ROLE regress_plain LOGIN CREATEDB;
ALTER ROLE regress_user1 NOLOGIN;
ALTER ROLE regress_super NOSUPERUSER;
ALTER ROLE regress_creator NOCREATEDB NOCREATEROLE;
ALTER ROLE regress_noinh INHERIT;
ALTER ROLE regress_plain NOINHERIT;
ALTER ROLE regress_bypass NOBYPASSRLS;
ALTER ROLE regress_user2 BYPASSRLS;
ALTER ROLE regress_limited CONNECTION LIMIT 10;
ALTER ROLE regress_login CONNECTION LIMIT 0;
ALTER ROLE regress_expiring VALID UNTIL 'infinity';
ALTER ROLE regress_nopass VALID UNTIL '2031-06-15 12:30:00+00';
ALTER USER regress_user2 WITH SUPERUSER;
ALTER ROLE regress_withpass PASSWORD NULL;
SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolbypassrls, rolconnlimit, rolvaliduntil
  FROM pg_roles WHERE rolname LIKE 'regress_%' ORDER BY 1;
SELECT rolname, rolpassword IS NULL AS no_password FROM pg_authid WHERE rolname = 'regress_withpass';
-- ALTER of a missing role (42704)
ALTER ROLE regress_nope LOGIN;
ALTER USER regress_nope NOLOGIN;
-- RENAME
ALTER ROLE regress_plain RENAME TO regress_renamed;
SELECT rolname, rolcanlogin, rolcreatedb FROM pg_roles WHERE rolname IN ('regress_plain', 'regress_renamed') ORDER BY 1;
ALTER ROLE regress_renamed RENAME TO regress_user1;
ALTER ROLE regress_renamed RENAME TO pg_renamed;
ALTER ROLE regress_nope RENAME TO regress_nope2;
ALTER USER regress_renamed RENAME TO regress_plain;
-- an MD5 password is cleared by a rename, a SCRAM one is kept
SET password_encryption = 'md5';
CREATE ROLE regress_md5 LOGIN PASSWORD 'pw';
SELECT rolname, rolpassword FROM pg_authid WHERE rolname = 'regress_md5';
ALTER ROLE regress_md5 RENAME TO regress_md5_renamed;
SELECT rolname, rolpassword IS NULL AS no_password FROM pg_authid WHERE rolname = 'regress_md5_renamed';
RESET password_encryption;
ALTER ROLE regress_login PASSWORD 'other';
ALTER ROLE regress_login RENAME TO regress_login2;
SELECT rolname, left(rolpassword, 14) AS prefix FROM pg_authid WHERE rolname = 'regress_login2';
-- role attributes are transactional
BEGIN;
CREATE ROLE regress_tx;
ALTER ROLE regress_limited CONNECTION LIMIT 99;
ROLLBACK;
SELECT rolname, rolconnlimit FROM pg_roles WHERE rolname IN ('regress_tx', 'regress_limited') ORDER BY 1;
-- a role that owns objects cannot be dropped (2BP01)
CREATE TABLE regress_owned (a int);
ALTER TABLE regress_owned OWNER TO regress_user1;
DROP ROLE regress_user1;
DROP TABLE regress_owned;
-- DROP ROLE: missing (42704), IF EXISTS notices, special specifier (22023), current user (55006)
DROP ROLE regress_nope;
DROP ROLE IF EXISTS regress_nope;
DROP ROLE IF EXISTS regress_nope, regress_user1;
DROP ROLE regress_plain, regress_nope;
SELECT rolname FROM pg_roles WHERE rolname = 'regress_plain';
DROP ROLE current_user;
DROP ROLE postgres;
DROP USER regress_user2;
DROP ROLE regress_plain, regress_login2, regress_super, regress_creator, regress_noinh, regress_bypass,
  regress_limited, regress_expiring, regress_nopass, regress_withpass, regress_md5_renamed;
SELECT rolname FROM pg_roles WHERE rolname LIKE 'regress_%' ORDER BY 1;
