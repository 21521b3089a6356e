"""Measure each role's first view of the demo: HTML bytes of the block and page height.

    python scripts/measure_views.py http://127.0.0.1:8000

Prints one line per role, language and width: the first view's HTML bytes (the block's fragment as
the workbench serves it) and the page's scroll height in CSS pixels, with every section of the
component opened one after another when the view has a section menu.
"""
import sys

from playwright.sync_api import sync_playwright

SCENARIOS = {"en": ("verme.0", ("learner_aino", "learner_new", "facilitator_maija", "staff_sanna")),
             "fi": ("verme.1", ("learner_tuula", "learner_new", "facilitator_maija", "staff_sanna"))}
WIDTHS = (1280, 375)


def measure(base_url):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        for language, (scenario, students) in SCENARIOS.items():
            for student in students:
                for width in WIDTHS:
                    page = browser.new_page(viewport={"width": width, "height": 800})
                    page.goto(f"{base_url}/scenario/{scenario}/?student={student}&lang={language}")
                    block = page.wait_for_selector('[data-block-type="verme"]')
                    size = len(block.evaluate("node => node.outerHTML").encode("utf-8"))
                    height = page.evaluate("document.documentElement.scrollHeight")
                    sections = {}
                    for link in page.query_selector_all("[data-verme-nav] a"):
                        name = link.get_attribute("data-section")
                        link.click()
                        page.wait_for_selector(f'[data-verme-panel="{name}"]:not([aria-busy="true"])')
                        sections[name] = page.evaluate("document.documentElement.scrollHeight")
                    print(f"{language} {student:18} {width:5}px  first view {size/1024:6.1f} KB  "
                          f"height {height:6} px  " + " ".join(f"{k}={v}" for k, v in sections.items()))
                    page.close()
            for width in WIDTHS:
                page = browser.new_page(viewport={"width": width, "height": 800})
                page.goto(f"{base_url}/scenario/{scenario}/studio_view/?student=staff_sanna&lang={language}")
                page.wait_for_selector('[data-block-type="verme"]')
                height = page.evaluate("document.documentElement.scrollHeight")
                print(f"{language} {'studio editor':18} {width:5}px  height {height:6} px")
                page.close()
        browser.close()


if __name__ == "__main__":
    measure(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
