/* People: suggestions of enrolled learners by name as staff type a username or e-mail, the
 * add-people form (pasted lines or a CSV file read in the browser and sent as text; a refusal lists
 * every bad line and nothing is changed), and the searchable, paged list of learners not yet in a
 * group; the groups with a free seat by name, where there are too many for a select. */
(function () {
  "use strict";

  var SEARCH_DELAY = 250;

  function fillSuggestions(ctx, input) {
    var list = input.list;
    if (!list) { return; }
    ctx.call("people_search", {q: input.value}).then(function (result) {
      if (!result.ok) { return; }
      list.textContent = "";
      result.data.people.forEach(function (person) {
        var option = document.createElement("option");
        option.value = person.username;
        option.label = person.name;
        option.textContent = person.name;
        list.appendChild(option);
      });
    });
  }

  /* Groups with a free seat by name, as staff type one where there are too many for a select. */
  function fillGroupSuggestions(ctx, input) {
    ctx.call("group_search", {q: input.value}).then(function (result) {
      if (!result.ok) { return; }
      input.list.textContent = "";
      result.data.groups.forEach(function (group) {
        var option = document.createElement("option");
        option.value = group.name;
        option.label = group.label;
        option.textContent = group.label;
        input.list.appendChild(option);
      });
    });
  }

  function readFile(input) {
    var file = input && input.files && input.files[0];
    if (!file) { return Promise.resolve(""); }
    return new Promise(function (resolve) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result || "")); };
      reader.onerror = function () { resolve(""); };
      reader.readAsText(file, "utf-8");
    });
  }

  function showLineErrors(form, error) {
    var box = form.querySelector("[data-people-errors]");
    var list = box.querySelector("[data-people-errors-lines]");
    list.textContent = "";
    (error.lines || []).forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = Verme.interpolate(Verme.gettext("Line {line}, {text}: {message}"), line);
      list.appendChild(item);
    });
    box.querySelector("[data-people-errors-summary]").textContent = error.message;
    box.hidden = false;
    box.focus();
  }

  function addPeople(ctx, section, form) {
    var payload = {
      people: form.querySelector("[data-people-lines]").value,
      group_id: form.elements.group_id ? form.elements.group_id.value : "",
      group_name: form.elements.group_name ? form.elements.group_name.value : "",
      role: form.elements.role.value
    };
    var list = section.querySelector("[data-verme-group-pages]");
    if (list) {  // the reply shows the page of the list of groups the person was on
      Object.assign(payload, {list_page: list.dataset.listPage || "", list_query: list.dataset.listQuery || "",
        list_target: list.dataset.listTarget || "", list_status: list.dataset.listStatus || ""});
    }
    var button = form.querySelector("[type=submit]");
    button.disabled = true;
    readFile(form.querySelector("[data-people-file]")).then(function (text) {
      if (text) { payload.csv = text; }
      return ctx.call("people_add", payload);
    }).then(function (result) {
      button.disabled = false;
      if (!result.ok) {
        var error = result.data.error;
        form.querySelector("[data-people-errors]").hidden = true;
        if (error.lines) { showLineErrors(form, error); } else { Verme.showErrors(form, error); }
        if (!error.lines && !form.querySelector('[data-error-for="' + error.field + '"]')) {
          showLineErrors(form, error);
        }
        ctx.announce(error.message);
        return;
      }
      section.querySelector("[data-verme-groups-body]").outerHTML = result.data.html;
      var again = section.querySelector("[data-people-action=people_add] [data-people-lines]");
      if (again) { again.focus(); }
      ctx.announce(result.data.message);
      refreshWaiting(ctx);  // the people just placed leave the list of those not yet in a group
    });
  }

  /* Load a page of the waiting list; `quiet` (after people were added) keeps focus and says nothing. */
  function waitingPage(ctx, form, quiet) {
    var payload = {q: form.elements.q.value, page: form.elements.page.value};
    ctx.call("waiting_list_page", payload).then(function (result) {
      if (!result.ok) { if (!quiet) { ctx.announce(result.data.error.message); } return; }
      var list = ctx.root.querySelector("[data-verme-waiting]");
      list.outerHTML = result.data.html;
      if (quiet) { return; }
      var heading = ctx.root.querySelector("[data-verme-waiting-heading]");
      if (heading) { heading.focus(); }
      ctx.announce(result.data.message);
    });
  }

  function refreshWaiting(ctx) {
    var search = ctx.root.querySelector("[data-verme-waiting] form[data-people-action]");
    if (search) { waitingPage(ctx, search, true); }
  }

  Verme.register(function (ctx) {
    var timer = null;

    ctx.root.addEventListener("input", function (event) {
      var input = event.target;
      if (!input.list) { return; }
      if (input.list.hasAttribute("data-group-suggestions")) {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { fillGroupSuggestions(ctx, input); }, SEARCH_DELAY);
        return;
      }
      if (!input.list.hasAttribute("data-people-suggestions")) { return; }
      window.clearTimeout(timer);
      if (input.value.trim().length < 2) { return; }
      timer = window.setTimeout(function () { fillSuggestions(ctx, input); }, SEARCH_DELAY);
    });

    ctx.root.addEventListener("click", function (event) {
      var pick = event.target.closest("[data-people-pick]");
      if (!pick) { return; }
      var form = pick.closest("form");
      var find = form.querySelector("[data-people-find]");
      var lines = form.querySelector("[data-people-lines]");
      var value = find.value.trim();
      if (!value) { find.focus(); return; }
      lines.value = lines.value.replace(/\s*$/, "") + (lines.value.trim() ? "\n" : "") + value;
      find.value = "";
      find.focus();
      ctx.announce(Verme.interpolate(Verme.gettext("{name} is on the list."), {name: value}));
    });

    ctx.root.addEventListener("submit", function (event) {
      var form = event.target.closest("form[data-people-action]");
      if (!form) { return; }
      event.preventDefault();
      if (form.dataset.peopleAction === "people_add") {
        addPeople(ctx, form.closest("[data-verme-groups]"), form);
      } else {
        waitingPage(ctx, form, false);
      }
    });
  });
}());
