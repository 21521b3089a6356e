/* E-mail messages: the person's choice of messages. The answer carries the form re-rendered on
 * the server; focus returns to the section heading and the result is announced. */
(function () {
  "use strict";

  Verme.register(function (ctx) {
    var section = ctx.root.querySelector("[data-verme-messages]");
    if (!section) { return; }
    section.addEventListener("submit", function (event) {
      var form = event.target.closest("[data-verme-messages-form]");
      if (!form) { return; }
      event.preventDefault();
      var enabled = Array.prototype.filter.call(form.querySelectorAll('input[name="enabled"]'), function (input) {
        return input.checked;  // a kind the course does not send keeps the person's own choice
      }).map(function (input) { return input.value; });
      ctx.call("messages_save", {enabled: enabled}).then(function (result) {
        if (!result.ok) {
          Verme.showErrors(form, result.data.error);
          ctx.announce(result.data.error.message);
          return;
        }
        form.outerHTML = result.data.html;
        var heading = section.querySelector("h3");
        if (heading) { heading.focus(); }
        ctx.announce(result.data.message);
      });
    });
  });
}());
