// What the current user may do with an object, and the checks statements make with it
// (PostgreSQL's aclmask / pg_class_aclcheck / ownercheck). A superuser may do everything; the
// owner's privileges are those the list gives it (it may revoke its own) and it may always
// grant; pg_read_all_data and pg_write_all_data give theirs on every table; the database's
// owner holds pg_database_owner (the public schema's owner).
#pragma once
#include <cstdint>
#include <string>

#include "catalog/catalog.hpp"
#include "security/acl.hpp"

namespace tusk {

struct ExecState;
struct FunctionDef;

// The kind of access list a relation has (a sequence's or a table's), and the word
// PostgreSQL's errors use for it ("table", "view", "sequence", "materialized view").
AclObject RelationAclKind(const Catalog& cat, uint32_t rel);
std::string RelationKindWord(const Catalog& cat, uint32_t rel);

// The privileges (or, with grant_options, the grant options) `role` has on the object.
uint32_t ObjectPrivilegesOf(ExecState* st, uint32_t role, const ObjectSecurity& sec, AclObject kind, bool grant_options = false);
// `role` has the privileges of the object's owner (may ALTER, DROP, GRANT it).
bool OwnsObject(ExecState* st, uint32_t role, const ObjectSecurity& sec);

// 42501 "permission denied for <kind> <name>" unless `role` (0: the current user) has every
// privilege of `wanted` on the relation (table, view, sequence).
void RequireRelationPrivileges(ExecState* st, uint32_t rel, uint32_t wanted, uint32_t role = 0);
// The same for sequences, where any one of `any_of` will do (nextval: USAGE or UPDATE).
void RequireSequencePrivilege(ExecState* st, uint32_t seq, uint32_t any_of);
// 42501 "permission denied for function f" unless the current user may EXECUTE it (the
// default list lets everyone, so only a changed list is looked at).
void RequireExecute(ExecState* st, const FunctionDef& f);
// 42501 "must be owner of <kind> <name>" unless the current user owns the relation.
void RequireRelationOwner(ExecState* st, uint32_t rel);
// The same for DROP, which the owner of the relation's schema may also do.
void RequireDropRight(ExecState* st, uint32_t rel);
// The role a view's relations are read (or written) as: its owner's, unless it is
// security_invoker, when the role using the view (`invoker`).
uint32_t ViewCheckUser(const ViewDef& v, uint32_t invoker);

// Replaces an object's owner and access list (a function is replaced whole, as functions are
// shared: Catalog::SetFunctionSecurity).
void StoreSecurity(Catalog* cat, uint32_t oid, ObjectSecurity security);
// `sec` with a new owner, the old owner's grants (made and held) moved to it and merged, as
// PostgreSQL's aclnewowner (ALTER ... OWNER TO, REASSIGN OWNED).
ObjectSecurity WithOwner(const ObjectSecurity& sec, uint32_t owner);

// The owner of an object being created: the current user.
uint32_t NewObjectOwner(ExecState* st);
// 42501 "permission denied for schema s" unless the current user may CREATE in it / use it
// (a name qualified with it); `location` is the name's, for the error's cursor.
void RequireCreateInSchema(ExecState* st, const std::string& schema, int location = -1);
void RequireSchemaUsage(ExecState* st, const std::string& schema, int location = -1);
// 42501 "permission denied for database d" unless `role` (0: the current user) has the
// privilege on the current database (CREATE for CREATE SCHEMA).
void RequireDatabasePrivilege(ExecState* st, uint32_t privilege, uint32_t role = 0);
// Whether `user` may use the schema (a search_path without USAGE skips it, as PostgreSQL's).
bool MayUseSchema(ExecState* st, uint32_t user, const SchemaDef& schema);

}  // namespace tusk
