/* The dashboard: sort the groups table by a column (buttons in the headers, aria-sort says how),
 * open a group's space in the groups section, and place a learner who is in no group yet (the
 * answer carries the dashboard re-rendered on the server). */
(function () {
  "use strict";

  function cellValue(row, index, kind) {
    var value = row.cells[index].dataset.sortValue || "";
    if (kind === "number") { return value === "" ? null : parseFloat(value); }
    return value.toLocaleLowerCase();
  }

  function sortTable(table, header) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var index = headers.indexOf(header);
    var kind = header.dataset.sortKind;
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
      if (x === y) { return 0; }
      if (x === null) { return 1; }  // empty figures last in either direction
      if (y === null) { return -1; }
      var order = kind === "number" ? x - y : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (cell) { if (cell.dataset.sortKey) { cell.removeAttribute("aria-sort"); } });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    return ascending;
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
      var sortButton = event.target.closest(".verme-sort");
      if (sortButton) {
        var header = sortButton.closest("th");
        var ascending = sortTable(header.closest("table"), header);
        ctx.announce(Verme.interpolate(ascending ? Verme.gettext("Sorted by {column}, ascending.")
          : Verme.gettext("Sorted by {column}, descending."), {column: sortButton.textContent.trim()}));
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
