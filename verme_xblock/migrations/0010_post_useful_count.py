"""The stored "useful" count of each post, filled from the Reaction rows, and the index that pages
"most useful" by it."""
from django.db import migrations, models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def count_reactions(apps, schema_editor):  # noqa: ARG001 (RunPython signature)
    Post = apps.get_model("verme_xblock", "Post")
    Reaction = apps.get_model("verme_xblock", "Reaction")
    marks = Reaction.objects.filter(post=OuterRef("pk")).order_by().values("post").annotate(n=Count("id")).values("n")
    Post.objects.update(useful_count=Coalesce(Subquery(marks, output_field=IntegerField()), Value(0)))


class Migration(migrations.Migration):

    dependencies = [
        ("verme_xblock", "0009_privacy"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="useful_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(count_reactions, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="post",
            index=models.Index(fields=["block_key", "deleted_at", "useful_count", "id"],
                               name="verme_post_block_useful"),
        ),
    ]
