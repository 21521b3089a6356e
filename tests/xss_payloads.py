"""Cross-site scripting payloads, and a check that rendered HTML carries nothing that could run.

Each payload would set `window.__xss` (or open a dialog) if it ever executed in the browser.
"""
from html.parser import HTMLParser

RUN = "window.__xss=1"

PAYLOADS = [
    # Script tags, plain and disguised
    f"<script>{RUN}</script>",
    f"<SCRIPT>{RUN}</SCRIPT>",
    f"<scr<script>ipt>{RUN}</scr</script>ipt>",
    f"<script src=data:text/javascript,{RUN}></script>",
    f'"><script>{RUN}</script>',
    f"'><script>{RUN}</script>",
    f"</textarea><script>{RUN}</script>",
    f"</title><script>{RUN}</script>",
    f"<script>{RUN}//",
    f"<<script>{RUN};//<</script>",
    # Event handlers
    f'<img src=x onerror="{RUN}">',
    f"<img src=x onerror={RUN}>",
    f'<IMG SRC="x" ONERROR="{RUN}">',
    f'<body onload="{RUN}">',
    f'<details open ontoggle="{RUN}">',
    f'<div onmouseover="{RUN}">hover</div>',
    f'<input autofocus onfocus="{RUN}">',
    f'<video><source onerror="{RUN}"></video>',
    f'<audio src=x onerror="{RUN}">',
    f'<marquee onstart="{RUN}">',
    f'" onmouseover="{RUN}" x="',
    f"' onfocus='{RUN}' autofocus='",
    f'<a href="#" onclick="{RUN}">click</a>',
    # SVG and MathML
    f'<svg onload="{RUN}">',
    f"<svg><script>{RUN}</script></svg>",
    f'<svg><a xlink:href="javascript:{RUN}"><text x="20" y="20">x</text></a></svg>',
    f'<svg><animate onbegin="{RUN}" attributeName="x" dur="1s">',
    f'<math><mtext><table><mglyph><style><img src=x onerror="{RUN}">',
    # javascript: and data: URLs in HTML
    f'<a href="javascript:{RUN}">x</a>',
    f'<a href="JaVaScRiPt:{RUN}">x</a>',
    f'<a href="&#106;avascript:{RUN}">x</a>',
    f'<a href="java&#x09;script:{RUN}">x</a>',
    f'<a href=" javascript:{RUN}">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">x</a>',
    f'<iframe src="javascript:{RUN}"></iframe>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<object data="data:text/html,<script>parent.__xss=1</script>"></object>',
    f'<embed src="javascript:{RUN}">',
    f'<form action="javascript:{RUN}"><button>go</button></form>',
    f'<button formaction="javascript:{RUN}">go</button>',
    f'<meta http-equiv="refresh" content="0;url=javascript:{RUN}">',
    f'<base href="javascript:{RUN}//">',
    f'<link rel="stylesheet" href="javascript:{RUN}">',
    f'<style>@import "javascript:{RUN}";</style>',
    f'<div style="background:url(javascript:{RUN})">x</div>',
    # Encoded variants
    f"&lt;script&gt;{RUN}&lt;/script&gt;",
    f"%3Cscript%3E{RUN}%3C/script%3E",
    f"\\u003cscript\\u003e{RUN}\\u003c/script\\u003e",
    f"&#60;script&#62;{RUN}&#60;/script&#62;",
    "<img src=x onerror=&#119;indow.__xss=1>",
    "<img src=x onerror=\\u0077indow.__xss=1>",
    f"<!--<img src=x onerror={RUN}>-->",
    f"<![CDATA[<script>{RUN}</script>]]>",
    f"<noscript><p title=\"</noscript><img src=x onerror={RUN}>\">",
    # Markdown link and image tricks
    f"[click](javascript:{RUN})",
    f"[click](JAVASCRIPT:{RUN})",
    f"[click](javascript&#58;{RUN})",
    f"[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;{RUN})",
    f"[click](java\tscript:{RUN})",
    f"[click]( javascript:{RUN})",
    f"[click](<javascript:{RUN}>)",
    "[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
    f"[click](vbscript:{RUN})",
    f"![img](javascript:{RUN})",
    f'![img](x "onerror={RUN}")',
    f"<javascript:{RUN}>",
    f"[ref]\n\n[ref]: javascript:{RUN}",
    f'[click](https://example.org "x\\" onmouseover=\\"{RUN}")',
    f'[click](https://example.org" onclick="{RUN})',
    f"[<img src=x onerror={RUN}>](https://example.org)",
    f"[click](https://example.org)<img src=x onerror={RUN}>",
    f"`<script>{RUN}</script>`",
    f"```html\n<script>{RUN}</script>\n```",
    f"> <script>{RUN}</script>",
    f"# <svg onload={RUN}>",
    f"* <img src=x onerror={RUN}>",
    f"**<a href=javascript:{RUN}>bold</a>**",
    # Template and attribute breakouts
    "{{ 7*7 }}{% debug %}",
    f"${{{RUN}}}",
    f"<a href=\"https://example.org\" target=\"_self\" onclick=\"{RUN}\">x</a>",
]

DANGEROUS_TAGS = {
    "script", "svg", "math", "iframe", "object", "embed", "img", "style", "link", "meta", "base", "video",
    "audio", "source", "frame", "frameset", "applet", "marquee", "body", "noscript", "animate", "image",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "json/xblock-args":
            return  # the runtime's inert JSON init arguments of the block, not user content
        if tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc"}:
                self.problems.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES and value is not None:
                cleaned = "".join(ch for ch in value if ch > " ").lower()
                if cleaned.startswith(BAD_SCHEMES):
                    self.problems.append(f"<{tag} {name}={value!r}>")
            if tag == "a" and name == "target" and value == "_blank":
                rel = dict(attrs).get("rel") or ""
                if not {"noopener", "noreferrer", "nofollow"} <= set(rel.split()):
                    self.problems.append(f"<a target=_blank rel={rel!r}>")


def dangerous_parts(html):
    """Everything in the HTML that could run script or leave the page unsafely (empty when safe)."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.problems
