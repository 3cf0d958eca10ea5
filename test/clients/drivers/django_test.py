"""Django (Debian's python3-django, 3.2) on psycopg2 as its users use it: `migrate` for
contenttypes, auth and an app of three models (two migrations: CreateModel, then AddField,
AlterField, RenameField, AddIndex, AddConstraint), the schema introspection behind it, and the
ORM. Everything lives in a schema of its own (search_path), dropped at the end.
    /usr/bin/python3 django_test.py PORT"""
import io
import os
import shutil
import sys
import tempfile

from harness import DB, HOST, PORT, TAG, USER, check, expect, results

SCHEMA = "drv_dj_%s" % TAG
APP = "drvapp"

MODELS = '''
from django.db import models
from django.utils import timezone


class Author(models.Model):
    name = models.CharField(max_length=100, unique=True)
    born = models.DateField(null=True)
    email = models.EmailField(blank=True, default="")

    class Meta:
        app_label = "drvapp"


class Book(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    title = models.CharField(max_length=200)
    pages = models.IntegerField(default=0)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    published = models.DateTimeField(default=timezone.now)
    data = models.JSONField(default=dict)

    class Meta:
        app_label = "drvapp"
        indexes = [models.Index(fields=["title"], name="drvapp_book_title_idx")]
        constraints = [models.UniqueConstraint(fields=["author", "title"], name="drvapp_book_author_title_uq")]


class Review(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="reviews")
    stars = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)

    class Meta:
        app_label = "drvapp"
'''

M0001 = '''
from django.db import migrations, models
import django.db.models.deletion
import django.utils.timezone


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(name="Author", fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ("name", models.CharField(max_length=50, unique=True)),
            ("born", models.DateField(null=True)),
        ]),
        migrations.CreateModel(name="Book", fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ("title", models.CharField(max_length=200)),
            ("page_count", models.IntegerField(default=0)),
            ("price", models.DecimalField(decimal_places=2, max_digits=8)),
            ("published", models.DateTimeField(default=django.utils.timezone.now)),
            ("data", models.JSONField(default=dict)),
            ("author", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="books",
                                         to="drvapp.author")),
        ]),
        migrations.CreateModel(name="Review", fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ("stars", models.PositiveSmallIntegerField()),
            ("text", models.TextField(blank=True)),
            ("book", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="reviews",
                                       to="drvapp.book")),
        ]),
    ]
'''

M0002 = '''
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("drvapp", "0001_initial")]
    operations = [
        migrations.AddField(model_name="author", name="email",
                            field=models.EmailField(blank=True, default="", max_length=254)),
        migrations.AlterField(model_name="author", name="name", field=models.CharField(max_length=100, unique=True)),
        migrations.RenameField(model_name="book", old_name="page_count", new_name="pages"),
        migrations.AddIndex(model_name="book", index=models.Index(fields=["title"], name="drvapp_book_title_idx")),
        migrations.AddConstraint(model_name="book", constraint=models.UniqueConstraint(
            fields=("author", "title"), name="drvapp_book_author_title_uq")),
    ]
'''


def write_app():
    root = tempfile.mkdtemp(prefix="drv-django-")
    app = os.path.join(root, APP)
    os.makedirs(os.path.join(app, "migrations"))
    for path, text in [("__init__.py", ""), ("models.py", MODELS), ("migrations/__init__.py", ""),
                       ("migrations/0001_initial.py", M0001), ("migrations/0002_changes.py", M0002)]:
        with open(os.path.join(app, path), "w") as f:
            f.write(text)
    sys.path.insert(0, root)
    return root


def configure():
    import django
    from django.conf import settings
    settings.configure(
        DEBUG=False, USE_TZ=True, TIME_ZONE="UTC", SECRET_KEY="drivers-test",
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", APP],
        DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": DB, "USER": USER,
                               "HOST": HOST, "PORT": str(PORT), "OPTIONS": {"connect_timeout": 10}}},
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    from django.db.backends.signals import connection_created

    def use_schema(sender, connection, **kw):
        with connection.cursor() as c:
            c.execute("SET search_path TO %s" % SCHEMA)
    connection_created.connect(use_schema, weak=False)
    django.setup()


def raw(sql):
    import psycopg2
    c = psycopg2.connect(host=HOST, port=PORT, user=USER, dbname=DB, connect_timeout=10)
    c.autocommit = True
    c.cursor().execute(sql)
    c.close()


def t_setup():
    raw("DROP SCHEMA IF EXISTS %s CASCADE" % SCHEMA)
    raw("CREATE SCHEMA %s" % SCHEMA)


def t_migrate():
    from django.core.management import call_command
    from django.db import connection
    out = io.StringIO()
    call_command("migrate", interactive=False, verbosity=1, stdout=out)
    text = out.getvalue()
    for m in ("contenttypes.0001_initial", "auth.0012_alter_user_first_name_max_length",
              "drvapp.0001_initial", "drvapp.0002_changes"):
        if "Applying %s... OK" % m not in text:
            raise AssertionError("%s not applied: %r" % (m, text[-500:]))
    tables = set(connection.introspection.table_names())
    for t in ("django_migrations", "django_content_type", "auth_user", "auth_permission",
              "drvapp_author", "drvapp_book", "drvapp_review"):
        if t not in tables:
            raise AssertionError("table %s missing after migrate: %r" % (t, sorted(tables)))
    with connection.cursor() as c:
        c.execute("SELECT count(*) FROM django_migrations WHERE app = 'drvapp'")
        expect(c.fetchone()[0], 2, "drvapp migrations recorded")
        # post_migrate created the content types and permissions
        c.execute("SELECT count(*) FROM auth_permission p JOIN django_content_type t ON t.id = p.content_type_id "
                  "WHERE t.app_label = 'drvapp'")
        expect(c.fetchone()[0], 12, "drvapp permissions")
    out = io.StringIO()
    call_command("migrate", interactive=False, stdout=out)
    if "No migrations to apply." not in out.getvalue():
        raise AssertionError("second migrate: %r" % out.getvalue())


def t_makemigrations_check():
    from django.core.management import call_command
    out = io.StringIO()
    try:
        call_command("makemigrations", APP, check=True, dry_run=True, stdout=out)
    except SystemExit:
        raise AssertionError("makemigrations --check found changes: %r" % out.getvalue())
    expect("No changes detected" in out.getvalue(), True, "No changes detected")


def t_introspection():
    from django.db import connection
    with connection.cursor() as c:
        desc = {f.name: f for f in connection.introspection.get_table_description(c, "drvapp_author")}
        expect(sorted(desc), ["born", "email", "id", "name"], "author columns")
        expect(desc["name"].internal_size, 100, "name max_length after AlterField")
        expect(desc["born"].null_ok, True, "born nullable")
        book = {f.name for f in connection.introspection.get_table_description(c, "drvapp_book")}
        expect("pages" in book and "page_count" not in book, True, "RenameField")
        cons = connection.introspection.get_constraints(c, "drvapp_book")
        by_name = {n: v for n, v in cons.items()}
        uq = by_name.get("drvapp_book_author_title_uq")
        if not uq or not uq["unique"] or uq["columns"] != ["author_id", "title"]:
            raise AssertionError("unique constraint: %r" % (uq,))
        idx = by_name.get("drvapp_book_title_idx")
        if not idx or not idx["index"] or idx["columns"] != ["title"]:
            raise AssertionError("index: %r" % (idx,))
        fks = [v for v in cons.values() if v["foreign_key"]]
        expect([(v["columns"], v["foreign_key"]) for v in fks], [(["author_id"], ("drvapp_author", "id"))], "fk")
        pks = [v for v in cons.values() if v["primary_key"]]
        expect([v["columns"] for v in pks], [["id"]], "pk")
        rcons = connection.introspection.get_constraints(c, "drvapp_review")
        checks = [v for v in rcons.values() if v["check"]]
        expect([v["columns"] for v in checks], [["stars"]], "PositiveSmallIntegerField's check")
        rel = connection.introspection.get_relations(c, "drvapp_review")
        expect(rel, {"book_id": ("id", "drvapp_book")}, "get_relations")
        seqs = connection.introspection.get_sequences(c, "drvapp_book")
        expect([s["column"] for s in seqs], ["id"], "get_sequences")


def t_orm_create():
    import datetime
    import decimal
    from drvapp.models import Author, Book, Review
    from django.db import connection
    le = Author.objects.create(name="Le Guin", born=datetime.date(1929, 10, 21))
    lem = Author.objects.create(name="Lem", born=datetime.date(1921, 9, 12), email="lem@example.org")
    Author.objects.create(name="Nobody")
    expect(isinstance(le.pk, int) and lem.pk > le.pk, True, "ids from RETURNING")
    b1 = Book.objects.create(author=le, title="The Dispossessed", pages=387, price=decimal.Decimal("9.99"),
                             data={"genre": "sf", "awards": ["Hugo", "Nebula"]})
    b2 = Book.objects.create(author=le, title="The Lathe of Heaven", pages=184, price=decimal.Decimal("7.50"),
                             data={"genre": "sf"})
    b3 = Book.objects.create(author=lem, title="Solaris", pages=204, price=decimal.Decimal("12.00"),
                             data={"genre": "sf", "lang": "pl"})
    Book.objects.bulk_create([Book(author=lem, title="Fiasco %d" % i, pages=i, price=1, data={"n": i})
                              for i in range(1, 6)])
    expect(Book.objects.count(), 8, "books")
    Review.objects.bulk_create([Review(book=b, stars=s, text="r") for b in (b1, b2, b3) for s in (3, 4, 5)])
    # many rows for .iterator()
    Review.objects.bulk_create([Review(book=b3, stars=i % 6, text="bulk") for i in range(1000)], batch_size=250)
    expect(Review.objects.count(), 1009, "reviews")
    with connection.cursor() as c:
        c.execute("SELECT max(id) FROM drvapp_review")
        expect(c.fetchone()[0] >= 1009, True, "max id")


def t_orm_filter():
    import datetime
    from django.db.models import Q
    from drvapp.models import Author, Book
    expect(list(Book.objects.filter(title__icontains="the").order_by("title").values_list("title", flat=True)),
           ["The Dispossessed", "The Lathe of Heaven"], "icontains")
    expect(Book.objects.filter(author__name="Lem").count(), 6, "join filter")
    expect(list(Book.objects.filter(Q(pages__gt=300) | Q(title="Solaris")).order_by("-pages")
                .values_list("title", flat=True)), ["The Dispossessed", "Solaris"], "Q | and order_by desc")
    expect(list(Book.objects.filter(pages__in=[1, 3, 5]).order_by("pages").values_list("pages", flat=True)),
           [1, 3, 5], "__in")
    expect(list(Book.objects.order_by("pages")[2:4].values_list("pages", flat=True)), [3, 4], "slice OFFSET/LIMIT")
    expect(Author.objects.filter(born__year__lt=1925).get().name, "Lem", "__year lookup")
    expect(Author.objects.filter(born__range=(datetime.date(1920, 1, 1), datetime.date(1930, 1, 1))).count(), 2,
           "__range")
    expect(Author.objects.filter(born__isnull=True).get().name, "Nobody", "__isnull")
    expect(Book.objects.filter(title__startswith="Fiasco").exists(), True, "exists")
    expect(Author.objects.exclude(books__isnull=False).get().name, "Nobody", "exclude over relation")
    expect(Book.objects.filter(published__lte=datetime.datetime.now(datetime.timezone.utc)).count(), 8,
           "timestamptz comparison")


def t_orm_jsonfield():
    from drvapp.models import Book
    expect(Book.objects.filter(data__genre="sf").count(), 3, "JSONField key lookup")
    expect(Book.objects.filter(data__awards__contains=["Hugo"]).get().title, "The Dispossessed", "JSON contains")
    expect(Book.objects.filter(data__has_key="lang").get().title, "Solaris", "JSON has_key")
    expect(sorted(Book.objects.filter(data__n__gte=4).values_list("data__n", flat=True)), [4, 5], "key transform")


def t_orm_update():
    from django.db.models import F
    from drvapp.models import Author, Book
    n = Book.objects.filter(title__startswith="Fiasco").update(pages=F("pages") + 100)
    expect(n, 5, "rows updated")
    expect(sorted(Book.objects.filter(title__startswith="Fiasco").values_list("pages", flat=True)),
           [101, 102, 103, 104, 105], "F() update")
    a = Author.objects.get(name="Nobody")
    a.email = "nobody@example.org"
    a.save(update_fields=["email"])
    expect(Author.objects.get(pk=a.pk).email, "nobody@example.org", "save()")
    obj, created = Author.objects.get_or_create(name="Lem", defaults={"email": "x"})
    expect((created, obj.email), (False, "lem@example.org"), "get_or_create existing")
    obj, created = Author.objects.update_or_create(name="Dick", defaults={"email": "pkd@example.org"})
    expect(created, True, "update_or_create new")
    obj, created = Author.objects.update_or_create(name="Dick", defaults={"email": "phil@example.org"})
    expect((created, Author.objects.get(name="Dick").email), (False, "phil@example.org"), "update_or_create old")
    Book.objects.filter(title__startswith="Fiasco").update(pages=F("pages") - 100)


def t_orm_aggregate():
    import decimal
    from django.db.models import Avg, Count, Max, Min, Sum
    from drvapp.models import Author, Book, Review
    agg = Book.objects.aggregate(n=Count("id"), pages=Sum("pages"), top=Max("price"), low=Min("price"))
    expect(agg, {"n": 8, "pages": 790, "top": decimal.Decimal("12.00"), "low": decimal.Decimal("1.00")}, "aggregate")
    rows = list(Author.objects.annotate(nb=Count("books")).order_by("-nb", "name").values_list("name", "nb"))
    expect(rows[:3], [("Lem", 6), ("Le Guin", 2), ("Dick", 0)], "annotate Count")
    avg = Review.objects.filter(text="r").aggregate(a=Avg("stars"))["a"]
    expect(round(float(avg), 6), 4.0, "Avg")
    per = dict(Review.objects.filter(text="r").values("book__title").annotate(s=Sum("stars"))
               .values_list("book__title", "s"))
    expect(per, {"The Dispossessed": 12, "The Lathe of Heaven": 12, "Solaris": 12}, "values().annotate()")


def t_orm_select_related():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from drvapp.models import Author, Book
    with CaptureQueriesContext(connection) as q:
        books = list(Book.objects.select_related("author").filter(author__name="Le Guin").order_by("title"))
        names = [(b.title, b.author.name) for b in books]
    expect(names, [("The Dispossessed", "Le Guin"), ("The Lathe of Heaven", "Le Guin")], "select_related")
    expect(len(q.captured_queries), 1, "queries for select_related")
    with CaptureQueriesContext(connection) as q:
        authors = list(Author.objects.prefetch_related("books__reviews").filter(name="Le Guin"))
        stars = sorted(r.stars for b in authors[0].books.all() for r in b.reviews.all())
    expect(stars, [3, 3, 4, 4, 5, 5], "prefetch_related")
    expect(len(q.captured_queries), 3, "queries for prefetch_related")


def t_orm_iterator():
    from django.db import transaction
    from drvapp.models import Review
    # On PostgreSQL, .iterator() reads through a server-side (named) cursor.
    n = s = 0
    for r in Review.objects.filter(text="bulk").order_by("id").iterator(chunk_size=100):
        n += 1
        s += r.stars
    expect((n, s), (1000, sum(i % 6 for i in range(1000))), "iterator outside a transaction")
    with transaction.atomic():
        n = sum(1 for _ in Review.objects.filter(text="bulk").values_list("id", flat=True).iterator(chunk_size=64))
    expect(n, 1000, "iterator inside atomic")


def t_orm_transaction():
    from django.db import IntegrityError, transaction
    from drvapp.models import Author, Book
    try:
        with transaction.atomic():
            Author.objects.create(name="Temp")
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    expect(Author.objects.filter(name="Temp").exists(), False, "atomic rolled back")
    with transaction.atomic():
        a = Author.objects.create(name="Outer")
        try:
            with transaction.atomic():  # a savepoint
                Book.objects.create(author=a, title="T", price=1)
                Book.objects.create(author=a, title="T", price=2)  # unique (author, title)
        except IntegrityError as e:
            expect(e.__cause__.pgcode, "23505", "pgcode")
        Book.objects.create(author=a, title="U", price=3)
    expect(list(Book.objects.filter(author__name="Outer").values_list("title", flat=True)), ["U"],
           "savepoint rolled back, outer committed")
    try:
        Author.objects.create(name="Lem")
        raise AssertionError("no IntegrityError")
    except IntegrityError as e:
        expect(e.__cause__.pgcode, "23505", "pgcode")
    Author.objects.filter(name="Outer").delete()


def t_auth_user():
    from django.contrib.auth import authenticate
    from django.contrib.auth.models import Group, Permission, User
    u = User.objects.create_user("drv_user", "u@example.org", "s3cret")
    expect(authenticate(username="drv_user", password="s3cret").pk, u.pk, "authenticate")
    expect(authenticate(username="drv_user", password="wrong"), None, "wrong password")
    g = Group.objects.create(name="editors")
    g.permissions.add(*Permission.objects.filter(codename__in=["add_book", "change_book"]))
    u.groups.add(g)
    u = User.objects.get(pk=u.pk)
    expect(u.has_perm("drvapp.add_book") and not u.has_perm("drvapp.delete_book"), True, "permissions via group")


def t_orm_delete():
    from drvapp.models import Author, Book, Review
    n, per = Author.objects.filter(name="Lem").delete()
    expect(per, {"drvapp.Review": 1003, "drvapp.Book": 6, "drvapp.Author": 1}, "cascade delete counts")
    expect((Author.objects.count(), Book.objects.count(), Review.objects.count()), (3, 2, 6), "rows left")


def t_migrate_backwards():
    from django.core.management import call_command
    from django.db import connection
    out = io.StringIO()
    call_command("migrate", APP, "0001", interactive=False, stdout=out)
    with connection.cursor() as c:
        cols = {f.name for f in connection.introspection.get_table_description(c, "drvapp_book")}
        expect("page_count" in cols and "pages" not in cols, True, "RenameField reversed")
        c.execute("SELECT count(*) FROM pg_class WHERE relname = 'drvapp_book_title_idx'")
        expect(c.fetchone()[0], 0, "AddIndex reversed")
    call_command("migrate", APP, "zero", interactive=False, stdout=out)
    tables = set(connection.introspection.table_names())
    expect({"drvapp_author", "drvapp_book", "drvapp_review"} & tables, set(), "tables after migrate zero")


def t_teardown():
    raw("DROP SCHEMA IF EXISTS %s CASCADE" % SCHEMA)


def main():
    root = write_app()
    configure()
    for name, fn in [("setup", t_setup), ("migrate", t_migrate), ("makemigrations_check", t_makemigrations_check),
                     ("introspection", t_introspection), ("orm_create", t_orm_create),
                     ("orm_filter", t_orm_filter), ("orm_jsonfield", t_orm_jsonfield), ("orm_update", t_orm_update),
                     ("orm_aggregate", t_orm_aggregate), ("orm_select_related", t_orm_select_related),
                     ("orm_iterator", t_orm_iterator), ("orm_transaction_atomic", t_orm_transaction),
                     ("auth_user", t_auth_user), ("orm_delete", t_orm_delete),
                     ("migrate_backwards", t_migrate_backwards), ("teardown", t_teardown)]:
        check("django." + name, fn, timeout=60)
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
    sys.exit(3 if results["fail"] else 0)
