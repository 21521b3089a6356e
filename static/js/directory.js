/* The participant directory: opt in, save, withdraw and search. Each answer carries the section
 * re-rendered on the server (the same template as the first paint), which replaces the old one. */
(function () {
  "use strict";

  Verme.register(function (ctx) {
    var section = ctx.root.querySelector("[data-verme-directory]");
    if (!section) { return; }

    section.addEventListener("submit", function (event) {
      var form = event.target.closest("form[data-action]");
      if (!form) { return; }
      event.preventDefault();
      var payload = {};
      Array.prototype.forEach.call(form.elements, function (input) {
        if (input.name) { payload[input.name] = input.value; }
      });
      var action = form.dataset.action;
      var button = form.querySelector("[type=submit]");
      if (button) { button.disabled = true; }
      ctx.call(action, payload).then(function (result) {
        if (button) { button.disabled = false; }
        if (!result.ok) {
          var error = result.data.error;
          Verme.showErrors(form, error);
          var general = form.querySelector("[data-form-error]");
          if (general) { general.textContent = error.field ? "" : error.message; }
          ctx.announce(error.message);
          return;
        }
        section.querySelector("[data-directory-body]").outerHTML = result.data.html;
        var focus = action === "directory_search" ? section.querySelector("[name=q]")
          : section.querySelector("[data-directory-heading]");
        if (focus) { focus.focus(); }
        if (result.data.message) { ctx.announce(result.data.message); }
      });
    });
  });
}());
