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

  window.VermeXBlock = function (runtime, element, args) {
    var root = element && element.jquery ? element[0] : element;
    var context = {
      runtime: runtime,
      element: root,
      root: root.querySelector("[data-verme-root]") || root,
      args: args || {},
      call: function (handler, payload) { return call(runtime, root, handler, payload); },
      announce: function (message) { announce(root, message); }
    };
    capabilities.forEach(function (init) { init(context); });
  };
}());
