/* Verme XBlock: the shared client code. Each capability registers an init function with
 * Verme.register(fn); VermeXBlock (the block's init function) calls them with a context bound to
 * one block's root element, so several blocks can sit on one page. No framework, no build step. */
(function () {
  "use strict";

  /* The catalogue in the shape Open edX compiles for `i18n_js_namespace` (window.VermeI18N), from the
   * platform when it has one for this block, else the one bundled in static/js/translations/. */
  function gettext(text) {
    var i18n = window.VermeI18N;
    return i18n && typeof i18n.gettext === "function" ? i18n.gettext(text) : text;
  }

  function ngettext(singular, plural, count) {
    var i18n = window.VermeI18N;
    if (i18n && typeof i18n.ngettext === "function") { return i18n.ngettext(singular, plural, count); }
    return count === 1 ? singular : plural;
  }

  /* "Saved {name}" + {name: "x"} -> "Saved x" (values are inserted as text by the caller). */
  function interpolate(format, values) {
    return format.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  /* POST JSON to a handler; resolves to {ok, status, data} and never rejects, so every caller
   * shows the server's translated error message. */
  function call(runtime, element, handler, payload) {
    var url = runtime.handlerUrl(element, handler);
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": csrfToken(),
        "X-Requested-With": "XMLHttpRequest"
      },
      body: JSON.stringify(payload || {})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok && !(data && data.error)) {
          data = {error: {code: "http_" + response.status, field: null,
            message: gettext("Something went wrong. Please try again.")}};
        }
        if (response.ok && data && data.reload) {
          /* Saved, but the answer could not be built: reload to show the change (never send it twice). */
          announce(element, data.message || "");
          window.setTimeout(function () { window.location.reload(); }, 1500);
          return {ok: false, status: response.status, data: {error: {code: "reload", field: null,
            message: data.message || ""}}};
        }
        return {ok: response.ok, status: response.status, data: data};
      });
    }, function () {
      return {ok: false, status: 0, data: {error: {code: "network", field: null,
        message: gettext("The connection failed. Check your network and try again.")}}};
    });
  }

  function announce(root, message) {
    var live = root.querySelector("[data-verme-live]");
    if (!live) { return; }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  /* Show field errors next to their fields (data-error-for) and move focus to the first one. */
  function showErrors(form, error) {
    var fields = form.querySelectorAll("[data-error-for]");
    Array.prototype.forEach.call(fields, function (node) { node.textContent = ""; });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (node) {
      node.removeAttribute("aria-invalid");
    });
    if (!error) { return; }
    var target = error.field ? form.querySelector('[data-error-for="' + error.field + '"]') : null;
    if (target) {
      target.textContent = error.message;
      var input = form.querySelector('[name="' + error.field + '"]');
      if (input) {
        input.setAttribute("aria-invalid", "true");
        input.focus();
      }
    }
  }

  var capabilities = [];

  window.Verme = {
    gettext: gettext,
    ngettext: ngettext,
    interpolate: interpolate,
    call: call,
    announce: announce,
    showErrors: showErrors,
    register: function (init) { capabilities.push(init); }
  };

  /* The section menu: a link per section ("#verme-bank"); the fragment decides which section is
   * shown, so links, reloads and the back button all go through `route`. A section's HTML comes from
   * the `section_show` handler and replaces the panel; each capability's init then binds to it. */
  var SECTION_HASH = /^#verme-([a-z]+)$/;

  function sectionFromHash(known) {
    var match = SECTION_HASH.exec(window.location.hash);
    if (match && known.indexOf(match[1]) >= 0) { return match[1]; }
    // A link to one post (the good-practices report links to them) opens the good practices.
    if (window.location.hash.indexOf("#verme-post-") === 0 && known.indexOf("bank") >= 0) { return "bank"; }
    return window.location.hash && window.location.hash !== "#" ? null : "home";
  }

  function markCurrent(nav, name) {
    Array.prototype.forEach.call(nav.querySelectorAll("a[data-section]"), function (link) {
      if (link.getAttribute("data-section") === name) {
        link.setAttribute("aria-current", "page");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  function bindPanel(base, panel) {
    var context = Object.assign({}, base, {root: panel});
    capabilities.forEach(function (init) { init(context); });
  }

  function openSection(base, name, extra) {
    var panel = base.element.querySelector("[data-verme-panel]");
    var nav = base.element.querySelector("[data-verme-nav]");
    panel.setAttribute("aria-busy", "true");
    return base.call("section_show", Object.assign({section: name}, extra || {})).then(function (result) {
      if (!result.ok) {
        panel.removeAttribute("aria-busy");
        base.announce(result.data.error.message);
        return;
      }
      var fresh = document.createElement("div");
      fresh.className = "verme-panel";
      fresh.setAttribute("data-verme-panel", name);
      fresh.setAttribute("tabindex", "-1");
      fresh.innerHTML = result.data.html;  // server-rendered from our templates, user text escaped there
      panel.replaceWith(fresh);
      if (nav) { markCurrent(nav, name); }
      bindPanel(base, fresh);
      var heading = fresh.querySelector("h3");
      if (heading) {
        if (!heading.hasAttribute("tabindex")) { heading.setAttribute("tabindex", "-1"); }
        heading.focus();
      } else {
        fresh.focus();
      }
      base.announce(result.data.message);
    });
  }

  window.VermeXBlock = function (runtime, element, args) {
    var root = element && element.jquery ? element[0] : element;
    var base = {
      runtime: runtime,
      element: root,
      args: args || {},
      call: function (handler, payload) { return call(runtime, root, handler, payload); },
      announce: function (message) { announce(root, message); }
    };
    var nav = root.querySelector("[data-verme-nav]");
    var known = nav ? Array.prototype.map.call(nav.querySelectorAll("a[data-section]"), function (link) {
      return link.getAttribute("data-section");
    }) : [];
    base.hasSection = function (name) { return known.indexOf(name) >= 0; };
    /* Open a section and add it to the history, e.g. the dashboard's "Open" of one group. */
    base.openSection = function (name, extra) {
      if (window.location.hash !== "#verme-" + name) { window.history.pushState(null, "", "#verme-" + name); }
      return openSection(base, name, extra);
    };
    var panel = root.querySelector("[data-verme-panel]");
    bindPanel(base, panel || root.querySelector("[data-verme-root]") || root);
    if (!nav || !panel) { return; }

    function route(initial) {
      if (initial === true && !window.location.hash) { return; }  // the server rendered what was asked
      var name = sectionFromHash(known);
      var current = root.querySelector("[data-verme-panel]").getAttribute("data-verme-panel");
      if (name && name !== current) {
        openSection(base, name).then(function () {
          var post = window.location.hash.indexOf("#verme-post-") === 0 &&
            document.getElementById(window.location.hash.slice(1));
          if (post) { post.focus(); }
        });
      }
    }
    window.addEventListener("hashchange", route);
    // A link that names the section already shown reloads it, so its news are fresh.
    nav.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-section]");
      if (link && window.location.hash === link.getAttribute("href")) {
        event.preventDefault();
        openSection(base, link.getAttribute("data-section"));
      }
    });
    route(true);
  };
}());