/* Live session mode: the facilitator's page of its own. Each form names its action in
 * data-live-action; the answer carries the panels re-rendered on the server, which replace the old
 * ones (the notes panel is never replaced, so nothing typed is lost). The notes save themselves a
 * moment after typing stops; a save based on an old version (another device saved) keeps the text
 * in the editor and shows the current version beside it. Timers count down from the server's time. */
(function () {
  "use strict";

  var root = document.querySelector("[data-live-root]");
  if (!root) { return; }
  var sessionId = root.getAttribute("data-session-id");
  var announcer = root.querySelector("[data-live-announce]");
  var offset = 0;  // server clock minus this device's clock, in milliseconds

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function call(action, payload) {
    payload.session_id = sessionId;
    return fetch(root.getAttribute("data-url-" + action), {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
      body: JSON.stringify(payload)
    }).then(function (response) {
      return response.json().then(function (data) { return {ok: response.ok, status: response.status, data: data}; });
    }).catch(function () {
      // Offline, or an answer that is not ours (a login page): say so, and keep what was typed.
      return {ok: false, status: 0, data: {error: {code: "network", field: null,
        message: root.getAttribute("data-network-text")}}};
    });
  }

  function formPayload(form) {
    var payload = {};
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!input.name || input.closest("[data-row]")) { return; }
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) { return; }
      payload[input.name] = input.dataset.type === "boolean" ? input.value === "true" : input.value;
    });
    if (form.dataset.collect) {
      payload[form.dataset.collect] = Array.prototype.map.call(form.querySelectorAll("[data-row]"), function (row) {
        var record = {user_id: row.dataset.userId};
        Array.prototype.forEach.call(row.querySelectorAll("[data-field]"), function (input) {
          if (input.type === "radio" && !input.checked) { return; }
          record[input.dataset.field] = input.value;
        });
        return record;
      });
    }
    return payload;
  }

  function showError(form, error) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-error-for]"), function (node) { node.textContent = ""; });
    var slot = form.querySelector('[data-error-for="' + (error.field || "") + '"]') ||
      form.querySelector("[data-error-for]");
    if (slot) { slot.textContent = error.message; }
    announce(error.message);
  }

  function format(seconds) {
    var sign = seconds < 0 ? -1 : 1, total = Math.abs(Math.round(seconds));
    var minutes = Math.floor(total / 60), rest = total % 60;
    return {text: minutes + ":" + (rest < 10 ? "0" : "") + rest, over: sign < 0};
  }

  function tick() {
    Array.prototype.forEach.call(root.querySelectorAll("[data-timer]"), function (timer) {
      var left = (Date.parse(timer.getAttribute("data-ends-at")) - (Date.now() + offset)) / 1000;
      var shown = format(left);
      var template = root.getAttribute(shown.over ? "data-over-text" : "data-left-text");
      timer.textContent = template.replace("{time}", shown.text);
      timer.classList.toggle("verme-live-over", shown.over);
    });
  }

  function syncClock() {
    var timer = root.querySelector("[data-timer]");
    if (timer) { offset = Date.parse(timer.getAttribute("data-now")) - Date.now(); }
    tick();
  }

  function replacePanels(html) {
    var fresh = document.createElement("div");
    fresh.innerHTML = html;  // server-rendered, escaped template output
    var body = root.querySelector("[data-live-body]");
    var open = Array.prototype.map.call(body.querySelectorAll("details[open] summary"), function (s) { return s.textContent; });
    body.replaceWith(fresh.firstElementChild);
    Array.prototype.forEach.call(root.querySelectorAll("[data-live-body] details summary"), function (summary) {
      if (open.indexOf(summary.textContent) >= 0) { summary.parentElement.open = true; }
    });
    syncClock();
  }

  root.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-live-action]");
    if (!form) { return; }
    event.preventDefault();
    var action = form.getAttribute("data-live-action");
    var panel = form.closest("[data-live-panel]").getAttribute("data-live-panel");
    call(action, formPayload(form)).then(function (result) {
      if (!result.ok) { showError(form, result.data.error); return; }
      replacePanels(result.data.html);
      announce(result.data.message);
      var again = root.querySelector('[data-live-panel="' + panel + '"] h2');
      if (again) { again.setAttribute("tabindex", "-1"); again.focus(); }
    });
  });

  /* The notes: saved a moment after typing stops, or with the button. */
  var notes = root.querySelector("[data-live-notes]");
  var textarea = notes.querySelector("textarea");
  var status = notes.querySelector("[data-notes-status]");
  var timer = null, saving = false, again = false;

  function saveNotes() {
    if (saving) { again = true; return; }
    saving = true;
    status.textContent = status.getAttribute("data-saving");
    var base = notes.querySelector("[data-base-version]");
    call("notes", {notes: textarea.value, base_version: base.value}).then(function (result) {
      saving = false;
      if (!result.ok) {
        showError(notes, result.data.error);
        status.textContent = "";
        if (result.status === 409 && result.data.current) {
          var panel = notes.querySelector("[data-notes-conflict]");
          base.value = result.data.current.version;
          panel.querySelector("[data-notes-conflict-html]").innerHTML = result.data.current.html;  // sanitised Markdown
          panel.hidden = false;
          panel.querySelector("[data-notes-conflict-heading]").focus();
        }
        return;
      }
      base.value = result.data.version;
      notes.querySelector('[data-error-for="notes"]').textContent = "";
      status.textContent = status.getAttribute("data-saved");
      if (again) { again = false; saveNotes(); }
    });
  }

  textarea.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(saveNotes, 1500);
  });
  notes.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    saveNotes();
  });

  syncClock();
  window.setInterval(tick, 1000);
}());
