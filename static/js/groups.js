/* Groups, sessions, attendance and the progress plan. Every form inside the section names its
 * handler in data-action; the answer carries the section re-rendered on the server, which
 * replaces the old one. A stale progress-plan save (409) keeps the user's text in the editor and
 * shows the current version beside it. */
(function () {
  "use strict";

  function formPayload(form) {
    var payload = {};
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!input.name || input.disabled || input.closest("[data-row]")) { return; }
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

  function showConflict(form, current) {
    var panel = form.querySelector("[data-plan-conflict]");
    if (!panel || !current) { return; }
    form.querySelector("[data-base-version]").value = current.version;
    panel.querySelector("[data-plan-conflict-by]").textContent = Verme.interpolate(
      Verme.gettext("Saved by {name}. Your own text is still in the editor above."), {name: current.updated_by});
    // Server-rendered, sanitised Markdown (markup.render_markdown).
    panel.querySelector("[data-plan-conflict-html]").innerHTML = current.html;
    panel.hidden = false;
  }

  /* Which form this is, across a re-render: its handler and the ids in its hidden inputs. */
  function formKey(form) {
    var ids = Array.prototype.map.call(form.querySelectorAll("input[type=hidden]"), function (input) {
      return input.name === "base_version" || input.dataset.type === "boolean" ? "" : input.name + "=" + input.value;
    });
    return form.dataset.action + "|" + ids.join("&");
  }

  /* After a re-render, put focus back on the form the person used (reopening its panels), or on
   * the section heading when that form is gone (joined, left, removed). */
  function restoreFocus(section, key) {
    var match = null;
    Array.prototype.forEach.call(section.querySelectorAll("form[data-action]"), function (form) {
      if (!match && formKey(form) === key) { match = form; }
    });
    if (match) {
      for (var node = match.parentElement; node && node !== section; node = node.parentElement) {
        if (node.tagName === "DETAILS") { node.open = true; }
      }
      var button = match.querySelector("[type=submit]");
      if (button) { button.focus(); return; }
    }
    var heading = section.querySelector("[data-verme-groups-heading]");
    if (heading) { heading.focus(); }
  }

  /* The page of the list (search, filters, page number) the person is on, sent with every form so
   * the reply shows the same page again. */
  function listState(section) {
    var list = section.querySelector("[data-verme-group-pages]");
    if (!list) { return {}; }
    return {list_page: list.dataset.listPage || "", list_query: list.dataset.listQuery || "",
      list_target: list.dataset.listTarget || "", list_status: list.dataset.listStatus || ""};
  }

  /* Another page of the list of groups, or the list searched or filtered: the list alone is
   * replaced, focus goes to its heading and the page reached is announced. */
  function showPage(ctx, section, payload) {
    var body = section.querySelector("[data-verme-groups-body]");
    if (body && body.dataset.focusGroup) { payload.focus_group_id = body.dataset.focusGroup; }
    return ctx.call("groups_page", payload).then(function (result) {
      if (!result.ok) { ctx.announce(result.data.error.message); return result; }
      section.querySelector("[data-verme-group-pages]").outerHTML = result.data.html;
      var heading = section.querySelector("[data-verme-group-pages-heading]");
      if (heading) { heading.focus(); }
      ctx.announce(result.data.message);
      return result;
    });
  }

  Verme.register(function (ctx) {
    var section = ctx.root.querySelector("[data-verme-groups]");
    if (!section) { return; }

    section.addEventListener("click", function (event) {
      var pageButton = event.target.closest("[data-verme-pager=groups] [data-page-to]");
      if (!pageButton) { return; }
      showPage(ctx, section, Object.assign(listState(section), {list_page: pageButton.dataset.pageTo}));
    });

    /* A session's editors and attendance form are loaded one session at a time. */
    section.addEventListener("click", function (event) {
      var opener = event.target.closest("[data-session-open]");
      if (!opener) { return; }
      var body = section.querySelector("[data-verme-groups-body]");
      var panel = ctx.root.getAttribute("data-verme-panel") || "group";
      ctx.call("section_show", {section: panel, group_id: body.dataset.focusGroup || null,
        open: opener.getAttribute("data-session-open")}).then(function (result) {
        if (!result.ok) { ctx.announce(result.data.error.message); return; }
        var holder = document.createElement("div");
        holder.innerHTML = result.data.html;  // server-rendered from our templates
        body.replaceWith(holder.querySelector("[data-verme-groups-body]"));
        var heading = section.querySelector("[data-session-tools-heading]");
        if (heading) {
          heading.focus();
          ctx.announce(heading.textContent.trim());
        }
      });
    });

    section.addEventListener("submit", function (event) {
      var form = event.target.closest("form[data-action]");
      if (!form) { return; }
      event.preventDefault();
      // Destructive actions ask first (cancel a session, archive a group, remove someone, leave).
      if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { return; }
      if (form.dataset.action === "groups_page") {
        showPage(ctx, section, formPayload(form)).then(function (result) {
          if (!result.ok) { Verme.showErrors(form, result.data.error); }
        });
        return;
      }
      var body = section.querySelector("[data-verme-groups-body]");
      var payload = Object.assign(listState(section), formPayload(form));
      if (body && body.dataset.focusGroup && payload.focus_group_id === undefined) {
        payload.focus_group_id = body.dataset.focusGroup;
      }
      if (body && body.dataset.part) { payload.part = body.dataset.part; }
      var button = form.querySelector("[type=submit]");
      var key = formKey(form);
      if (button) { button.disabled = true; }
      ctx.call(form.dataset.action, payload).then(function (result) {
        if (button) { button.disabled = false; }
        var formError = form.querySelector("[data-form-error]");
        if (!result.ok) {
          var error = result.data.error;
          Verme.showErrors(form, error);
          if (formError) { formError.textContent = error.field && form.querySelector('[data-error-for="' + error.field + '"]') ? "" : error.message; }
          if (result.status === 409 && result.data.current) {
            showConflict(form, result.data.current);
            var heading = form.querySelector("[data-plan-conflict-heading]");
            if (heading) { heading.focus(); }
          }
          ctx.announce(error.message);
          return;
        }
        body.outerHTML = result.data.html;
        restoreFocus(section, key);
        if (result.data.message) { ctx.announce(result.data.message); }
      });
    });
  });
}());
