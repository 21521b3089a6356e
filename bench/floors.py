"""The floors every view is divided by, measured in the same process and run as the views.

A loaded machine slows everything by the same factor, so a view's multiple of a floor measured
alongside it is comparable between runs, where its milliseconds are not:

- the empty component: the workbench rendering a trivial XBlock (the SDK's hello-world block) in a
  scenario shaped like Verme's, through the same `WorkbenchRuntime.get_block(...).render(...)`;
- the bare Django view: a function view with one query on an indexed column, called with a request.
"""
from django.http import HttpResponse
from django.test import RequestFactory
from workbench.runtime import WorkbenchRuntime
from workbench.scenarios import SCENARIOS, add_xml_scenario, get_scenarios

from verme_xblock.models import Membership

from .datasets import BLOCK_KEY, LEARNER

EMPTY_SCENARIO = "bench.empty"
EMPTY_XML = "<vertical_demo><helloworld_demo/></vertical_demo>"
EMPTY_BLOCK_KEY = "bench-empty-component.helloworld_demo.d0.u0"


def load_empty_scenario():
    get_scenarios()
    if EMPTY_SCENARIO not in SCENARIOS:
        add_xml_scenario(EMPTY_SCENARIO, "Bench: empty component", EMPTY_XML)


def empty_component(user_id=LEARNER):
    def call():
        load_empty_scenario()
        return WorkbenchRuntime(user_id).get_block(EMPTY_BLOCK_KEY).render("student_view").body_html()

    return call


def bare_view(request):
    """One query on the unique (block, user) index of memberships, and a line of HTML."""
    group_id = (Membership.objects.filter(block_key=BLOCK_KEY, user_id=request.GET["student"])
                .values_list("group_id", flat=True).first())
    return HttpResponse(f"<p>{group_id}</p>")


def bare_django_view(user_id=LEARNER):
    factory = RequestFactory()

    def call():
        return bare_view(factory.get("/", {"student": user_id})).content.decode()

    return call


FLOORS = (("floor: empty component", "empty"), ("floor: bare Django view", "bare"))


def measured_floors():
    return [(FLOORS[0][0], empty_component()), (FLOORS[1][0], bare_django_view())]
