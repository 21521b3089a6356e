/* Reflections: save a draft, submit, edit, share. The server re-renders the section; this file only
 * sends the form and swaps the returned HTML in, then moves focus and announces the result. */
(function () {
  "use strict";

  // Loaded once per page even when several blocks add it; each block's init still runs.
  if (window.VermeReflectionsLoaded) { return; }
  window.VermeReflectionsLoaded = true;

  function payloadOf(form) {
    var answers = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.name.indexOf("answers.") !== 0) { return; }
      var id = field.name.slice("answers.".length);
      if (field.type === "radio") {
        if (field.checked) { answers[id] = parseInt(field.value, 10); }
      } else {
        answers[id] = field.value;
      }
    });
    var session = form.getAttribute("data-session-id");
    return {session_id: session ? parseInt(session, 10) : null, answers: answers};
  }

  function replaceElement(current, html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var fresh = holder.firstElementChild;
    current.parentNode.replaceChild(fresh, current);
    return fresh;
  }

  function replaceSection(ctx, html) {
    return replaceElement(ctx.root.querySelector("[data-verme-reflections]"), html);
  }

  function slotElement(section, slot) {
    return section.querySelector('[data-slot="' + slot + '"]');
  }

  /* Only the reflection being filled is on the page; "Fill in" loads another one in its place. */
  function openSlot(ctx, key) {
    ctx.call("section_show", {section: "reflections", open: key}).then(function (result) {
      if (!result.ok) { ctx.announce(result.data.error.message); return; }
      var holder = document.createElement("div");
      holder.innerHTML = result.data.html;
      var section = replaceSection(ctx, holder.querySelector("[data-verme-reflections]").outerHTML);
      var heading = section.querySelector("[data-reflection-heading]");
      if (heading) {
        heading.focus();
        ctx.announce(heading.textContent.trim());
      }
    });
  }

  /* Course staff choose the group whose figures are shown. */
  function bindFigures(ctx) {
    ctx.root.addEventListener("submit", function (event) {
      var form = event.target.closest("[data-figures-choose]");
      if (!form) { return; }
      event.preventDefault();
      ctx.call("reflection_figures_show", {group_id: form.elements.group_id.value}).then(function (result) {
        if (!result.ok) { ctx.announce(result.data.error.message); return; }
        var current = ctx.root.querySelector("[data-verme-figures]");
        var holder = document.createElement("div");
        holder.innerHTML = result.data.html;
        current.parentNode.replaceChild(holder.firstElementChild, current);
        ctx.root.querySelector("[data-verme-figures] h3").focus();
        ctx.announce(result.data.message);
      });
    });
  }

  Verme.register(function (ctx) {
    var busy = false;
    bindFigures(ctx);

    function send(form, submit) {
      if (busy) { return; }
      busy = true;
      var slot = form.closest("[data-slot]").getAttribute("data-slot");
      var payload = payloadOf(form);
      payload.submit = submit;
      ctx.call("reflection_save", payload).then(function (result) {
        busy = false;
        if (!result.ok) {
          Verme.showErrors(form, result.data.error);
          ctx.announce(result.data.error.message);
          return;
        }
        var holder;
        if (result.data.slot_html) {  // a draft: only its own reflection changed
          holder = replaceElement(slotElement(ctx.root, slot), result.data.slot_html);
        } else {
          holder = slotElement(replaceSection(ctx, result.data.html), slot);
        }
        var heading = holder && holder.querySelector("[data-reflection-heading]");
        if (heading) { heading.focus(); }
        ctx.announce(result.data.message);
      });
    }

    ctx.root.addEventListener("submit", function (event) {
      var form = event.target.closest("[data-reflection-form]");
      if (!form) { return; }
      event.preventDefault();
      send(form, true);
    });

    ctx.root.addEventListener("click", function (event) {
      var opener = event.target.closest("[data-reflection-open]");
      if (opener) {
        openSlot(ctx, opener.getAttribute("data-reflection-open"));
        return;
      }
      var button = event.target.closest('[data-action="draft"]');
      if (!button) { return; }
      event.preventDefault();
      send(button.closest("[data-reflection-form]"), false);
    });

    ctx.root.addEventListener("change", function (event) {
      var toggle = event.target.closest("[data-share-toggle]");
      if (!toggle || busy) { return; }
      busy = true;
      var form = toggle.closest("[data-reflection-form]");
      var slot = form.closest("[data-slot]").getAttribute("data-slot");
      var session = form.getAttribute("data-session-id");
      ctx.call("reflection_share", {
        session_id: session ? parseInt(session, 10) : null,
        shared: toggle.checked
      }).then(function (result) {
        busy = false;
        if (!result.ok) {
          toggle.checked = !toggle.checked;
          ctx.announce(result.data.error.message);
          return;
        }
        var section = replaceSection(ctx, result.data.html);
        var holder = slotElement(section, slot);
        var fresh = holder && holder.querySelector("[data-share-toggle]");
        if (fresh) { fresh.focus(); }
        ctx.announce(result.data.message);
      });
    });
  });
}());
