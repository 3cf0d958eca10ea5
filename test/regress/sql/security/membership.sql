-- Role membership: GRANT/REVOKE role [WITH ADMIN OPTION], pg_auth_members, pg_has_role and membership errors
CREATE ROLE regress_group;
CREATE ROLE regress_subgroup;
CREATE ROLE regress_m1;
CREATE ROLE regress_m2 NOINHERIT;
CREATE ROLE regress_m3;
CREATE ROLE regress_admin;
CREATE ROLE regress_creator CREATEROLE;
GRANT regress_group TO regress_m1;
GRANT regress_group TO regress_m2, regress_subgroup;
GRANT regress_subgroup TO regress_m3;
GRANT regress_group TO regress_admin WITH ADMIN OPTION;
SELECT r.rolname AS role, m.rolname AS member, am.admin_option
  FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
  WHERE r.rolname LIKE 'regress_%' ORDER BY 1, 2;
-- granting again only notices; granting with ADMIN OPTION upgrades the row
GRANT regress_group TO regress_m1;
GRANT regress_group TO regress_m1 WITH ADMIN OPTION;
SELECT m.rolname AS member, am.admin_option
  FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
  WHERE r.rolname = 'regress_group' ORDER BY 1;
-- pg_has_role: MEMBER follows any chain, USAGE needs INHERIT along it
SELECT m.rolname,
       pg_has_role(m.rolname, 'regress_group', 'MEMBER') AS member,
       pg_has_role(m.rolname, 'regress_group', 'USAGE') AS usage,
       pg_has_role(m.rolname, 'regress_group', 'MEMBER WITH ADMIN OPTION') AS admin
  FROM pg_roles m WHERE m.rolname LIKE 'regress_%' ORDER BY 1;
SELECT pg_has_role('regress_m3', 'regress_subgroup', 'usage'), pg_has_role('regress_m3', 'regress_m1', 'MEMBER');
SELECT pg_has_role('regress_group', 'regress_group', 'MEMBER'), pg_has_role('regress_group', 'regress_group', 'USAGE');
SELECT pg_has_role('postgres', 'regress_m1', 'MEMBER'), pg_has_role('regress_m1', 'MEMBER');
SELECT pg_has_role('regress_m1', 'regress_group', 'USAGE, MEMBER');
-- errors: bad privilege string (22023), missing role (42704)
SELECT pg_has_role('regress_m1', 'regress_group', 'SELECT');
SELECT pg_has_role('regress_nope', 'regress_group', 'MEMBER');
-- circular membership and granting a role to itself (0LP01)
GRANT regress_m1 TO regress_group;
GRANT regress_m3 TO regress_group;
GRANT regress_group TO regress_group;
GRANT regress_m3 TO regress_m3;
-- missing roles (42704) and PUBLIC
GRANT regress_nope TO regress_m1;
GRANT regress_group TO regress_nope;
GRANT regress_group TO PUBLIC;
GRANT public TO regress_m1;
-- GRANTED BY records the grantor
GRANT regress_m1 TO regress_m2 GRANTED BY regress_admin;
SELECT r.rolname AS role, m.rolname AS member, g.rolname AS grantor
  FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
  JOIN pg_roles g ON g.oid = am.grantor
  WHERE r.rolname = 'regress_m1' ORDER BY 1, 2;
-- a non-superuser with ADMIN OPTION can grant and revoke; without it cannot (42501)
SET ROLE regress_admin;
GRANT regress_group TO regress_m3;
REVOKE regress_group FROM regress_m3;
GRANT regress_subgroup TO regress_m1;
GRANT regress_admin TO regress_m1;
RESET ROLE;
SET ROLE regress_m3;
GRANT regress_group TO regress_creator;
RESET ROLE;
-- ADMIN OPTION is also found through a NOINHERIT chain (regress_m2 -> regress_m1 -> regress_group)
SET ROLE regress_m2;
GRANT regress_group TO regress_creator;
REVOKE regress_group FROM regress_creator;
RESET ROLE;
-- CREATEROLE can grant any non-superuser role
SET ROLE regress_creator;
GRANT regress_subgroup TO regress_m1;
REVOKE regress_subgroup FROM regress_m1;
RESET ROLE;
-- REVOKE ADMIN OPTION FOR keeps the membership
REVOKE ADMIN OPTION FOR regress_group FROM regress_admin, regress_m1;
SELECT m.rolname AS member, am.admin_option
  FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
  WHERE r.rolname = 'regress_group' ORDER BY 1;
SET ROLE regress_admin;
GRANT regress_group TO regress_m3;
RESET ROLE;
-- REVOKE removes it; revoking a non-membership only warns
REVOKE regress_group FROM regress_m1;
REVOKE regress_group FROM regress_m1;
REVOKE regress_group FROM regress_nope;
SELECT pg_has_role('regress_m1', 'regress_group', 'MEMBER');
-- CREATE ROLE ... IN ROLE / ROLE / ADMIN add memberships
CREATE ROLE regress_newbie IN ROLE regress_group, regress_subgroup ROLE regress_m1 ADMIN regress_admin;
SELECT r.rolname AS role, m.rolname AS member, am.admin_option
  FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
  WHERE r.rolname = 'regress_newbie' OR m.rolname = 'regress_newbie' ORDER BY 1, 2;
-- memberships go away with a dropped role, and are transactional
BEGIN;
GRANT regress_admin TO regress_m3;
SELECT pg_has_role('regress_m3', 'regress_admin', 'MEMBER');
ROLLBACK;
SELECT pg_has_role('regress_m3', 'regress_admin', 'MEMBER');
DROP ROLE regress_subgroup;
SELECT r.rolname AS role, m.rolname AS member, am.admin_option
  FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
  WHERE r.rolname LIKE 'regress_%' ORDER BY 1, 2;
SELECT pg_has_role('regress_m3', 'regress_group', 'MEMBER');
DROP ROLE regress_group, regress_m1, regress_m2, regress_m3, regress_admin, regress_creator, regress_newbie;
SELECT count(*) FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid WHERE r.rolname LIKE 'regress_%';
