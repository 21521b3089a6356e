/* The dashboard: sort the groups table by a column (buttons in the headers, aria-sort says how) and
 * page through it, both answered by the server one page at a time; open a group's space in the
 * groups section; place a learner who is in no group yet (the answer carries the dashboard
 * re-rendered on the server). */
(function () {
  "use strict";

  function showGroups(ctx, section, payload, focusSelector, message) {
    ctx.call("dashboard_groups", payload).then(function (result) {
      if (!result.ok) { ctx.announce(result.data.error.message); return; }
      section.querySelector("[data-verme-dashboard-groups]").outerHTML = result.data.html;
      var focus = section.querySelector(focusSelector);
      if (focus) { focus.focus(); }
      ctx.announce(message ? message + " " + result.data.message : result.data.message);
    });
  }

  /* "Open" shows the group in "Groups and people" (staff) or "My group and sessions" (facilitators);
   * it enters the browser's history, so the back button returns to the dashboard. */
  function openGroup(ctx, groupId) {
    ctx.openSection(ctx.hasSection("people") ? "people" : "group", {group_id: groupId});
  }

  Verme.register(function (ctx) {
    var section = ctx.root.querySelector("[data-verme-dashboard]");
    if (!section) { return; }

    section.addEventListener("click", function (event) {
      var groups = section.querySelector("[data-verme-dashboard-groups]");
      var sortButton = event.target.closest(".verme-sort");
      if (sortButton) {
        var key = sortButton.closest("th").dataset.sortKey;
        var descending = key === groups.dataset.sort && !groups.dataset.descending;
        showGroups(ctx, section, {sort: key, descending: descending, page: 1},
          "th[data-sort-key=" + key + "] .verme-sort",
          Verme.interpolate(descending ? Verme.gettext("Sorted by {column}, descending.")
            : Verme.gettext("Sorted by {column}, ascending."), {column: sortButton.textContent.trim()}));
        return;
      }
      var pageButton = event.target.closest("[data-verme-pager=dashboard] [data-page-to]");
      if (pageButton) {
        showGroups(ctx, section, {sort: groups.dataset.sort, descending: !!groups.dataset.descending,
          page: parseInt(pageButton.dataset.pageTo, 10)}, "[data-verme-table-wrap]", "");
        return;
      }
      var open = event.target.closest("[data-open-group]");
      if (open) { openGroup(ctx, open.dataset.openGroup); }
    });

    section.addEventListener("submit", function (event) {
      var form = event.target.closest("form[data-action]");
      if (!form) { return; }
      event.preventDefault();
      var payload = {};
      Array.prototype.forEach.call(form.elements, function (input) { if (input.name) { payload[input.name] = input.value; } });
      var button = form.querySelector("[type=submit]");
      if (button) { button.disabled = true; }
      ctx.call(form.dataset.action, payload).then(function (result) {
        if (button) { button.disabled = false; }
        if (!result.ok) {
          var error = form.querySelector("[data-form-error]");
          if (error) { error.textContent = result.data.error.message; }
          ctx.announce(result.data.error.message);
          return;
        }
        section.querySelector("[data-verme-dashboard-body]").outerHTML = result.data.html;
        section.querySelector("[data-verme-dashboard-heading]").focus();
        ctx.announce(result.data.message);
      });
    });
  });
}());
