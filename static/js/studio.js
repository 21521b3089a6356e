/* The Studio editor: validates on the server, shows errors next to fields, and follows the
 * runtime.notify('save' | 'error' | 'cancel') protocol of the Studio editor modal and the
 * Authoring MFE. */
(function () {
  "use strict";

  function collect(form) {
    var payload = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name) { payload[field.name] = field.type === "checkbox" ? field.checked : field.value; }
    });
    return payload;
  }

  window.VermeStudioEditor = function (runtime, element) {
    var root = element && element.jquery ? element[0] : element;
    var form = root.querySelector("[data-verme-studio-form]");
    var notify = typeof runtime.notify === "function" ? runtime.notify.bind(runtime) : function () {};

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.Verme.showErrors(form, null);
      notify("save", {state: "start", message: window.Verme.gettext("Saving")});
      window.Verme.call(runtime, root, "studio_save", collect(form)).then(function (result) {
        if (result.ok) {
          window.Verme.announce(root, window.Verme.gettext("Saved."));
          notify("save", {state: "end"});
          return;
        }
        window.Verme.showErrors(form, result.data.error);
        window.Verme.announce(root, result.data.error.message);
        notify("error", {title: window.Verme.gettext("The settings were not saved."),
          message: result.data.error.message});
      });
    });

    root.querySelector("[data-verme-cancel]").addEventListener("click", function () {
      notify("cancel", {});
    });
  };
}());
