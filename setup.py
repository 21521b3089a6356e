"""Packaging for the Verme peer-group mentoring XBlock."""
import os
import re

from setuptools import find_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def read_requirements(name):
    """Unpinned requirement names from requirements/<name>.in (constraints stay in the .txt files)."""
    requirements = []
    with open(os.path.join(HERE, "requirements", name), encoding="utf-8") as handle:
        for raw_line in handle:
            line = re.sub(r"#.*", "", raw_line).strip()
            if line and not line.startswith("-"):
                requirements.append(line)
    return requirements


def package_data(package, roots):
    """Every file below the given folders of the package (symlinked folders are followed)."""
    files = []
    for root in roots:
        for dirname, _, filenames in os.walk(os.path.join(HERE, package, root), followlinks=True):
            for filename in filenames:
                if filename.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(dirname, filename)
                files.append(os.path.relpath(path, os.path.join(HERE, package)))
    return {package: files}


with open(os.path.join(HERE, "README.md"), encoding="utf-8") as readme:
    LONG_DESCRIPTION = readme.read()

setup(
    name="verme-xblock",
    version="0.1.0",
    description="Peer-group mentoring (Verme) for Open edX: group spaces, session plans, "
    "a good-practice bank and reflective self-assessment in one XBlock.",
    long_description=LONG_DESCRIPTION,
    long_description_content_type="text/markdown",
    license="AGPL-3.0",
    python_requires=">=3.11",
    packages=find_packages(include=["verme_xblock", "verme_xblock.*"]),
    install_requires=read_requirements("base.in"),
    include_package_data=False,
    package_data=package_data(
        "verme_xblock", ["static", "templates", "translations", "method_cards", "feedback_items"]
    ),
    entry_points={
        "xblock.v1": ["verme = verme_xblock.block:VermeXBlock"],
        "lms.djangoapp": ["verme_xblock = verme_xblock.apps:VermeConfig"],
        "cms.djangoapp": ["verme_xblock = verme_xblock.apps:VermeConfig"],
    },
    classifiers=[
        "Framework :: Django",
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
    ],
)
